import type { ConformanceHarness } from './conformance-harness';
import { outputsOf, stateNames, stateOf } from './scenario-helpers';
import { plain, TreeKit } from './tree-kit';

export function scheduleScenarios(harness: () => ConformanceHarness): void {
  it('polls a service until it finishes, following the interval on the clock', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('p', 'poll', { times: plain(3) })
      .act('b', 'echo')
      .end()
      .chain('start', 'p', 'b', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await outputsOf(h, k.id('p'))).polls).toBe(1);
    expect((await stateNames(h, tree.id))[k.id('p')]).toBe('RUNNING');
    await h.advance(1);
    expect((await outputsOf(h, k.id('p'))).polls).toBe(1);
    await h.advance(1);
    expect((await outputsOf(h, k.id('p'))).polls).toBe(2);
    await h.advance(2);
    const states = await stateNames(h, tree.id);
    expect(states[k.id('p')]).toBe('FINISHED');
    expect(states[tree.id]).toBe('FINISHED');
    expect(await outputsOf(h, k.id('p'))).toMatchObject({ polls: 3, _result: true });
  });

  it('waits for a callback bound to the attempt version', async () => {
    const h = harness();
    const k = new TreeKit().start().act('c', 'wait_callback').end().chain('start', 'c', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const state = await stateOf(h, tree.id, k.id('c'));
    expect(state?.state).toBe('RUNNING');
    await expect(h.engine.callback(k.id('c'), 'v-stale', { ok: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await h.engine.callback(k.id('c'), state!.version, { ok: true, token: 7 });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect((await outputsOf(h, k.id('c'))).received).toEqual({ ok: true, token: 7 });
    await expect(h.engine.callback(k.id('c'), state!.version, {})).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
  });

  it('fails a callback node whose schedule fails', async () => {
    const h = harness();
    const k = new TreeKit().start().act('c', 'wait_callback').end().chain('start', 'c', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const state = await stateOf(h, tree.id, k.id('c'));
    await h.engine.callback(k.id('c'), state!.version, { ok: false });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[k.id('c')]).toBe('FAILED');
    expect(await outputsOf(h, k.id('c'))).toMatchObject({ _result: false });
  });

  it('collects several callbacks before finishing a multi-callback node', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('m', 'multi_callback', { expected: plain(3) })
      .end()
      .chain('start', 'm', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const { version } = (await stateOf(h, tree.id, k.id('m')))!;
    for (const n of [1, 2]) {
      await h.engine.callback(k.id('m'), version, { n });
      await h.runUntilIdle();
      expect((await stateNames(h, tree.id))[k.id('m')]).toBe('RUNNING');
    }
    await h.engine.callback(k.id('m'), version, { n: 3 });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect((await outputsOf(h, k.id('m'))).received).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });
}
