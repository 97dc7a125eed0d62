import type { ConformanceHarness } from './conformance-harness';
import { contextValue, inputsOf, outputsOf, stateNames, stateOf } from './scenario-helpers';
import { plain, splice, TreeKit } from './tree-kit';

export function loopScenarios(harness: () => ConformanceHarness): void {
  it('re-enters nodes through a backward flow with cycle_tolerate, writing histories', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { i: splice('${i}') })
      .gateway('eg', 'ExclusiveGateway')
      .end();
    k.chain('start', 'a', 'eg')
      .flow('eg', 'a', { condition: '${i} < 3' })
      .flow('eg', 'end', { condition: '${i} >= 3' });
    k.vars({ '${i}': { type: 'plain', value: '', source_act: k.id('a'), source_key: '_loop' } });
    const tree = k.build();
    await h.engine.runPipeline(tree, { cycleTolerate: true });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect(await stateOf(h, tree.id, k.id('a'))).toMatchObject({ state: 'FINISHED', loop: 3 });
    expect(await inputsOf(h, k.id('a'))).toMatchObject({ i: 3, _loop: 3, _inner_loop: 3 });
    const histories = await h.engine.getHistories(k.id('a'));
    expect(histories.map((hist) => hist.loop)).toEqual([1, 2]);
    expect(histories[0]!.inputs).toMatchObject({ i: 1 });
    expect(histories[1]!.outputs).toMatchObject({ _loop: 2, _result: true });
  });

  it('repeats a loop_config node loop_times times and aggregates its outputs', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act(
        'l',
        'echo',
        { outputs: plain({ v: 1 }) },
        { loop_config: { enable: true, loop_times: 3, outputs_key: 'collected' } },
      )
      .end()
      .chain('start', 'l', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect(await stateOf(h, tree.id, k.id('l'))).toMatchObject({ loop: 3 });
    expect(await h.engine.getHistories(k.id('l'))).toHaveLength(2);
    expect(await contextValue(h, tree.id, '${collected}')).toEqual([
      { v: 1, result: true, inner_loop: 1 },
      { v: 1, result: true, inner_loop: 2 },
      { v: 1, result: true, inner_loop: 3 },
    ]);
  });

  it('stops a loop at the rerun limit with a FAILED node', async () => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'echo').gateway('eg', 'ExclusiveGateway').end();
    k.chain('start', 'a', 'eg').flow('eg', 'a', { condition: '1 == 1' }).flow('eg', 'end', { condition: '1 == 0' });
    const tree = k.build();
    await h.engine.runPipeline(tree, { cycleTolerate: true });
    await h.runUntilIdle();
    expect(await stateOf(h, tree.id, k.id('a'))).toMatchObject({ state: 'FAILED' });
    expect((await outputsOf(h, k.id('a'))).ex_data).toMatch(/^node execution exceed rerun limit \d+$/);
  });

  it('fails a node on its second run inside a loop', async () => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'fail_second_run').gateway('eg', 'ExclusiveGateway').end();
    k.chain('start', 'a', 'eg').flow('eg', 'a', { condition: '1 == 1' }).flow('eg', 'end', { condition: '1 == 0' });
    const tree = k.build();
    await h.engine.runPipeline(tree, { cycleTolerate: true });
    await h.runUntilIdle();
    expect(await stateOf(h, tree.id, k.id('a'))).toMatchObject({ state: 'FAILED', loop: 2 });
    expect((await h.engine.getHistories(k.id('a'))).map((x) => x.outputs._result)).toEqual([true]);
  });
}
