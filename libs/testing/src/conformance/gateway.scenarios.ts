import type { ConformanceHarness } from './conformance-harness';
import { outputsOf, stateNames } from './scenario-helpers';
import { plain, TreeKit } from './tree-kit';

async function run(h: ConformanceHarness, k: TreeKit, options = {}) {
  const tree = k.build();
  await h.engine.runPipeline(tree, options);
  await h.runUntilIdle();
  return { tree, states: await stateNames(h, tree.id) };
}

function exclusive(condA: string, condB: string, withDefault = false): TreeKit {
  const k = new TreeKit().start().gateway('eg', 'ExclusiveGateway').act('a', 'echo').act('b', 'echo');
  if (withDefault) k.act('d', 'echo').flow('eg', 'd', { isDefault: true }).flow('d', 'cg');
  k.gateway('cg', 'ConvergeGateway').end();
  k.flow('start', 'eg').flow('eg', 'a', { condition: condA }).flow('eg', 'b', { condition: condB });
  k.chain('a', 'cg').chain('b', 'cg').chain('cg', 'end');
  return k.vars({ '${n}': plain(2) });
}

export function gatewayScenarios(harness: () => ConformanceHarness): void {
  it('runs parallel branches and joins once', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
    for (const name of ['a', 'b', 'c']) k.act(name, 'echo', { branch: plain(name) }).chain('pg', name, 'cg');
    const { tree, states } = await run(h, k.chain('start', 'pg').chain('cg', 'end'));
    expect(states[tree.id]).toBe('FINISHED');
    for (const name of ['pg', 'a', 'b', 'c', 'cg', 'end']) expect(states[k.id(name)]).toBe('FINISHED');
    const processes = await (
      h as unknown as { runtime?: { getProcesses(id: string): Promise<unknown[]> } }
    ).runtime?.getProcesses(tree.id);
    if (processes) expect(processes).toHaveLength(4);
  });

  it('runs nested parallel blocks', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
    k.gateway('pg2', 'ParallelGateway')
      .gateway('cg2', 'ConvergeGateway')
      .act('x', 'echo')
      .act('y', 'echo')
      .act('z', 'echo');
    k.chain('start', 'pg').chain('pg', 'pg2').chain('pg2', 'x', 'cg2').chain('pg2', 'y', 'cg2').chain('cg2', 'cg');
    k.chain('pg', 'z', 'cg').chain('cg', 'end');
    const { tree, states } = await run(h, k);
    expect(states[tree.id]).toBe('FINISHED');
    expect(Object.keys(states)).toHaveLength(10);
  });

  it.each([
    ['first branch', '${n} == 2', '${n} != 2', 'a', 'b'],
    ['second branch', '${n} > 5', '${n} < 5', 'b', 'a'],
  ])('takes the %s of an exclusive gateway; the other gets no state', async (_label, c1, c2, taken, other) => {
    const h = harness();
    const k = exclusive(c1, c2);
    const { tree, states } = await run(h, k);
    expect(states[tree.id]).toBe('FINISHED');
    expect(states[k.id(taken)]).toBe('FINISHED');
    expect(states[k.id(other)]).toBeUndefined();
  });

  it('takes the default flow when no condition holds', async () => {
    const h = harness();
    const k = exclusive('${n} > 5', '${n} > 6', true);
    const { tree, states } = await run(h, k);
    expect(states[tree.id]).toBe('FINISHED');
    expect(states[k.id('d')]).toBe('FINISHED');
    expect(states[k.id('a')]).toBeUndefined();
  });

  it('fails the exclusive gateway when no condition holds and there is no default', async () => {
    const h = harness();
    const k = exclusive('${n} > 5', '${n} > 6');
    const { tree, states } = await run(h, k);
    expect(states[tree.id]).toBe('RUNNING');
    expect(states[k.id('eg')]).toBe('FAILED');
    expect((await outputsOf(h, k.id('eg'))).ex_data).toBe('all conditions of branches are not meet');
  });

  it('fails the exclusive gateway when several conditions hold (ONLY)', async () => {
    const h = harness();
    const k = exclusive('${n} == 2', '${n} > 1');
    const { states } = await run(h, k);
    expect(states[k.id('eg')]).toBe('FAILED');
    expect(String((await outputsOf(h, k.id('eg'))).ex_data)).toMatch(/^multiple conditions meet: \['/);
  });

  function conditional(conds: string[], withDefault: boolean): TreeKit {
    const k = new TreeKit().start().gateway('cpg', 'ConditionalParallelGateway').gateway('cg', 'ConvergeGateway').end();
    conds.forEach((cond, i) => k.act(`b${i}`, 'echo').flow('cpg', `b${i}`, { condition: cond }).flow(`b${i}`, 'cg'));
    if (withDefault) k.act('d', 'echo').flow('cpg', 'd', { isDefault: true }).flow('d', 'cg');
    return k
      .chain('start', 'cpg')
      .chain('cg', 'end')
      .vars({ '${n}': plain(2) });
  }

  it.each([
    ['some', ['${n} > 1', '${n} > 5', '${n} == 2'], false, ['b0', 'b2'], ['b1']],
    ['all', ['${n} > 1', '${n} < 5'], false, ['b0', 'b1'], []],
    ['none, with default', ['${n} > 5', '${n} > 6'], true, ['d'], ['b0', 'b1']],
  ])('forks %s branches of a conditional parallel gateway', async (_l, conds, withDefault, ran, skipped) => {
    const h = harness();
    const k = conditional(conds, withDefault);
    const { tree, states } = await run(h, k);
    expect(states[tree.id]).toBe('FINISHED');
    for (const name of ran) expect(states[k.id(name)]).toBe('FINISHED');
    for (const name of skipped) expect(states[k.id(name)]).toBeUndefined();
  });

  it('fails a conditional parallel gateway with no true condition and no default', async () => {
    const h = harness();
    const k = conditional(['${n} > 5'], false);
    const { states } = await run(h, k);
    expect(states[k.id('cpg')]).toBe('FAILED');
    expect(states[k.id('b0')]).toBeUndefined();
  });
}
