import type { ConformanceHarness } from './conformance-harness';
import { inputsOf, outputsOf, stateNames } from './scenario-helpers';
import { plain, splice, TreeKit } from './tree-kit';

export function sequenceScenarios(harness: () => ConformanceHarness): void {
  it('runs one node to FINISHED with inputs echoed and engine keys added', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { x: plain(1), y: splice('${v}!') })
      .end()
      .chain('start', 'a', 'end');
    k.vars({ '${v}': plain('hi') });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toEqual({
      [tree.id]: 'FINISHED',
      [k.id('start')]: 'FINISHED',
      [k.id('a')]: 'FINISHED',
      [k.id('end')]: 'FINISHED',
    });
    expect(await inputsOf(h, k.id('a'))).toEqual({ x: 1, y: 'hi!', _loop: 1, _inner_loop: 1 });
    expect(await outputsOf(h, k.id('a'))).toEqual({ x: 1, y: 'hi!', _result: true, _loop: 1, _inner_loop: 1 });
    expect(await h.engine.getHistories(k.id('a'))).toEqual([]);
  });

  it('runs 100 sequential nodes', async () => {
    const h = harness();
    const k = new TreeKit().start();
    const names = Array.from({ length: 100 }, (_, i) => `n${i}`);
    for (const name of names) k.act(name, 'echo', { i: plain(name) });
    k.end().chain('start', ...names, 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(Object.keys(states)).toHaveLength(103);
    expect(Object.values(states).every((name) => name === 'FINISHED')).toBe(true);
    expect((await outputsOf(h, k.id('n99'))).i).toBe('n99');
  });

  it('passes node outputs downstream through the context', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { greeting: plain('hello') })
      .act('b', 'echo', { said: splice('${said_by_a} world') })
      .end()
      .chain('start', 'a', 'b', 'end');
    k.vars({ '${said_by_a}': { type: 'splice', value: '', source_act: k.id('a'), source_key: 'greeting' } });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await outputsOf(h, k.id('b'))).said).toBe('hello world');
  });

  it('fails a node, keeps the root RUNNING, parks the process, and never runs what follows', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'fail_unless_ok', { ok: plain(false) })
      .act('b', 'echo')
      .end();
    k.chain('start', 'a', 'b', 'end');
    k.vars({ '${failed_out}': { type: 'plain', value: '', source_act: k.id('a'), source_key: 'ex_data' } });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states[tree.id]).toBe('RUNNING');
    expect(states[k.id('a')]).toBe('FAILED');
    expect(states[k.id('b')]).toBeUndefined();
    expect(states[k.id('end')]).toBeUndefined();
    expect(await outputsOf(h, k.id('a'))).toMatchObject({ ex_data: 'asked to fail', _result: false });
    const context = await h.engine.getContextValues(tree.id);
    expect(context.find((v) => v.key === '${failed_out}')?.value).toBe('asked to fail');
  });

  it('records a stack trace when a component throws', async () => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'throw').end().chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[k.id('a')]).toBe('FAILED');
    expect(String((await outputsOf(h, k.id('a'))).ex_data)).toContain('component exploded');
  });

  it('continues past an error_ignorable failure with error_ignored set', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'fail_unless_ok', { ok: plain(false) }, { error_ignorable: true })
      .act('b', 'echo')
      .end()
      .chain('start', 'a', 'b', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await h.engine.getPipelineStates(tree.id);
    expect(states[tree.id]!.state).toBe('FINISHED');
    expect(states[tree.id]!.children[k.id('a')]).toMatchObject({ state: 'FINISHED', error_ignored: true });
    expect(await outputsOf(h, k.id('a'))).toMatchObject({ _result: false, ex_data: 'asked to fail' });
  });
}
