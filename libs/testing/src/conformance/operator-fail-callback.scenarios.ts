import { TIMEOUT_EX_DATA } from '@bamboo/engine';
import type { ConformanceHarness } from './conformance-harness';
import { nameOf, start, versionOf } from './operator-helpers';
import { outputsOf, stateNames, stateOf } from './scenario-helpers';
import { plain, TreeKit } from './tree-kit';

function single(code: string, inputs = {}, extra = {}): TreeKit {
  return new TreeKit().start().act('n', code, inputs, extra).end().chain('start', 'n', 'end');
}

export function operatorFailCallbackScenarios(harness: () => ConformanceHarness): void {
  it('forced fail of a polling node: FAILED with a new version, the pending poll is ignored, retry works', async () => {
    const h = harness();
    const k = single('poll', { times: plain(3) });
    const tree = await start(h, k);
    const before = await versionOf(h, tree.id, k.id('n'));
    await h.engine.forcedFailActivity(k.id('n'), 'stop it');
    const failed = await stateOf(h, tree.id, k.id('n'));
    expect(failed).toMatchObject({ state: 'FAILED' });
    expect(failed?.version).not.toBe(before);
    expect(await outputsOf(h, k.id('n'))).toMatchObject({ ex_data: 'stop it', _forced_failed: true, polls: 1 });
    await h.advance(10);
    expect(await stateOf(h, tree.id, k.id('n'))).toMatchObject({ state: 'FAILED', version: failed?.version });
    expect((await outputsOf(h, k.id('n'))).polls).toBe(1);
    await h.engine.retryNode(k.id('n'));
    await h.runUntilIdle();
    for (let i = 0; i < 3; i++) await h.advance(2);
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
    expect((await outputsOf(h, k.id('n'))).polls).toBe(3);
  });

  it('forced fail of a callback node: the old version is refused, the retried attempt takes callbacks', async () => {
    const h = harness();
    const k = single('wait_callback');
    const tree = await start(h, k);
    const old = await versionOf(h, tree.id, k.id('n'));
    await h.engine.forcedFailActivity(k.id('n'), 'operator');
    await expect(h.engine.callback(k.id('n'), old, {})).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
    await expect(h.engine.forcedFailActivity(k.id('n'), 'again')).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
    await h.engine.retryNode(k.id('n'));
    await h.runUntilIdle();
    await h.engine.callback(k.id('n'), await versionOf(h, tree.id, k.id('n')), { ok: true });
    await h.runUntilIdle();
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('a node timeout forced-fails a still-running attempt', async () => {
    const h = harness();
    const k = single('wait_callback', {}, { timeout_config: { enable: true, seconds: 5, action: 'forced_fail' } });
    const tree = await start(h, k);
    await h.advance(4);
    expect(await nameOf(h, tree.id, k.id('n'))).toBe('RUNNING');
    await h.advance(1);
    expect(await nameOf(h, tree.id, k.id('n'))).toBe('FAILED');
    expect(await outputsOf(h, k.id('n'))).toMatchObject({ ex_data: TIMEOUT_EX_DATA, _forced_failed: true });
  });

  it('a node timeout with forced_fail_and_skip moves the run on', async () => {
    const h = harness();
    const extra = { timeout_config: { enable: true, seconds: 5, action: 'forced_fail_and_skip' } };
    const k = single('wait_callback', {}, extra);
    const tree = await start(h, k);
    await h.advance(5);
    expect(await stateOf(h, tree.id, k.id('n'))).toMatchObject({ state: 'FINISHED', skip: true });
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('a timer of a passed attempt does nothing', async () => {
    const h = harness();
    const k = single('wait_callback', {}, { timeout_config: { enable: true, seconds: 5, action: 'forced_fail' } });
    const tree = await start(h, k);
    await h.engine.callback(k.id('n'), await versionOf(h, tree.id, k.id('n')), { ok: true });
    // The attempt must have passed before the timer fires; durable queues run both concurrently.
    await h.runUntilIdle();
    await h.advance(6);
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('n')]: 'FINISHED' });
  });

  it('a callback after the node failed is refused once retried; the new attempt takes it', async () => {
    const h = harness();
    const k = single('wait_callback');
    const tree = await start(h, k);
    const first = await versionOf(h, tree.id, k.id('n'));
    await h.engine.callback(k.id('n'), first, { ok: false });
    await h.runUntilIdle();
    expect(await nameOf(h, tree.id, k.id('n'))).toBe('FAILED');
    await h.engine.retryNode(k.id('n'));
    await h.runUntilIdle();
    await expect(h.engine.callback(k.id('n'), first, { ok: true })).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    await h.engine.callback(k.id('n'), await versionOf(h, tree.id, k.id('n')), { ok: true, second: 1 });
    await h.runUntilIdle();
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
    expect((await outputsOf(h, k.id('n'))).received).toEqual({ ok: true, second: 1 });
  });

  it('several callbacks, each schedules once', async () => {
    const h = harness();
    const k = single('multi_callback', { expected: plain(2) });
    const tree = await start(h, k);
    const version = await versionOf(h, tree.id, k.id('n'));
    await h.engine.callback(k.id('n'), version, { n: 1 });
    await h.engine.callback(k.id('n'), version, { n: 2 });
    await h.runUntilIdle();
    await h.advance(6);
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
    const received = (await outputsOf(h, k.id('n'))).received as unknown[];
    expect([...received].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
  });

  it('starts from a specified node: earlier nodes get no state', async () => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'echo').act('b', 'echo').end().chain('start', 'a', 'b', 'end');
    const tree = k.build();
    expect(h.engine.getAllowedStartNodeIds(tree)).toEqual([k.id('start'), k.id('a'), k.id('b')]);
    expect(h.engine.getSkippedExecuteNodeIds(tree, k.id('b'))).toEqual([k.id('start'), k.id('a')]);
    await h.engine.runPipeline(tree, { startNodeId: k.id('b') });
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states).toMatchObject({ [tree.id]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect(states[k.id('a')]).toBeUndefined();
    expect(states[k.id('start')]).toBeUndefined();
  });
}
