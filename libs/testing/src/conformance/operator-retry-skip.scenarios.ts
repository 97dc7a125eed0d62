import type { ConformanceHarness } from './conformance-harness';
import { nameOf, start } from './operator-helpers';
import { contextValue, inputsOf, outputsOf, stateNames, stateOf } from './scenario-helpers';
import { lazy, plain, splice, TreeKit } from './tree-kit';

/** start → f (fails unless `ok`) → after (echoes f's output through the context) → end */
function failing(): TreeKit {
  const k = new TreeKit().start().act('f', 'fail_unless_ok', { ok: plain(false), v: plain('f-out') });
  k.act('after', 'echo', { got: splice('${fv}') })
    .end()
    .chain('start', 'f', 'after', 'end');
  return k.vars({ '${fv}': { type: 'plain', value: 'unset', source_act: k.id('f'), source_key: 'v' } });
}

/** A subprocess holding a parallel block whose two branches fail. */
function failingBranchesInSubprocess(): { root: TreeKit; inner: TreeKit } {
  const inner = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
  inner.act('f1', 'fail_unless_ok', { ok: plain(false) }).act('f2', 'fail_unless_ok', { ok: plain(false) });
  inner.act('fine', 'echo').chain('start', 'pg', 'f1', 'cg').chain('pg', 'f2', 'cg').chain('pg', 'fine', 'cg');
  inner.chain('cg', 'end');
  const root = new TreeKit().start().sub('sp', inner).end().chain('start', 'sp', 'end');
  return { root, inner };
}

export function operatorRetrySkipScenarios(harness: () => ConformanceHarness): void {
  it('retries a failed node with replaced inputs, keeping a history of the failed attempt', async () => {
    const h = harness();
    const k = failing().vars({ '${x}': plain('X') });
    const tree = await start(h, k);
    const failed = await stateOf(h, tree.id, k.id('f'));
    expect(failed?.state).toBe('FAILED');
    await h.engine.retryNode(k.id('f'), { data: { ok: true, v: '${x}', raw: '${x}', _escape_render_keys: ['raw'] } });
    await h.runUntilIdle();
    const done = await stateOf(h, tree.id, k.id('f'));
    expect(done).toMatchObject({ state: 'FINISHED', retry: 1 });
    expect(done?.version).not.toBe(failed?.version);
    expect(await inputsOf(h, k.id('f'))).toMatchObject({ ok: true, v: 'X', raw: '${x}' });
    expect(await h.engine.getData(k.id('f'))).toMatchObject({
      inputs: { ok: { need_render: true }, raw: { need_render: false, value: '${x}' } },
    });
    const histories = await h.engine.getHistories(k.id('f'));
    expect(histories).toHaveLength(1);
    expect(histories[0]).toMatchObject({ version: failed?.version, retry: 0, outputs: { _result: false } });
    const [short] = await h.engine.getShortHistories(k.id('f'));
    expect(Object.keys(short!).sort()).toEqual([
      'archivedTime',
      'id',
      'loop',
      'nodeId',
      'skip',
      'startedTime',
      'version',
    ]);
    expect(await inputsOf(h, k.id('after'))).toMatchObject({ got: 'X' });
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('retries each failed branch of a parallel block inside a subprocess', async () => {
    const h = harness();
    const { root, inner } = failingBranchesInSubprocess();
    const tree = await start(h, root);
    expect(await stateNames(h, tree.id)).toMatchObject({ [inner.id('f1')]: 'FAILED', [inner.id('f2')]: 'FAILED' });
    await h.engine.retryNode(inner.id('f1'), { data: { ok: true } });
    await h.runUntilIdle();
    expect(await nameOf(h, tree.id, inner.id('cg'))).toBeUndefined();
    await h.engine.retryNode(inner.id('f2'), { data: { ok: true } });
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [root.id('sp')]: 'FINISHED' });
  });

  it('skips a failed branch of a parallel block inside a subprocess', async () => {
    const h = harness();
    const { root, inner } = failingBranchesInSubprocess();
    const tree = await start(h, root);
    await h.engine.skipNode(inner.id('f1'));
    await h.engine.retryNode(inner.id('f2'), { data: { ok: true } });
    await h.runUntilIdle();
    expect(await stateOf(h, tree.id, inner.id('f1'))).toMatchObject({ state: 'FINISHED', skip: true });
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('skips a failed node; the skip itself writes nothing into the context', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('f', 'throw')
      .act('after', 'echo', { got: splice('${fv}') })
      .end();
    k.chain('start', 'f', 'after', 'end');
    k.vars({ '${fv}': { type: 'plain', value: 'unset', source_act: k.id('f'), source_key: 'v' } });
    const tree = await start(h, k);
    const outputs = await outputsOf(h, k.id('f'));
    await h.engine.skipNode(k.id('f'));
    await h.runUntilIdle();
    expect(await stateOf(h, tree.id, k.id('f'))).toMatchObject({ state: 'FINISHED', skip: true });
    expect(await outputsOf(h, k.id('f'))).toEqual(outputs);
    // The thrown attempt produced no `v`, so the output variable never entered the context.
    expect(await inputsOf(h, k.id('after'))).toMatchObject({ got: '${fv}' });
    expect(await h.engine.getHistories(k.id('f'))).toHaveLength(1);
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('update_node_outputs supplies the outputs of a failed node before it is skipped', async () => {
    const h = harness();
    const k = failing();
    const tree = await start(h, k);
    await h.engine.updateNodeOutputs(tree.id, k.id('f'), { '${fv}': 'patched', '${unknown}': 1 });
    expect(await outputsOf(h, k.id('f'))).toMatchObject({ fv: 'patched', unknown: 1, _result: false });
    expect(await contextValue(h, tree.id, '${unknown}')).toBeUndefined();
    await h.engine.skipNode(k.id('f'));
    await h.runUntilIdle();
    expect(await inputsOf(h, k.id('after'))).toMatchObject({ got: 'patched' });
  });

  it('skips a failed exclusive gateway along the chosen flow', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('eg', 'ExclusiveGateway').act('a', 'echo').act('b', 'echo');
    k.gateway('cg', 'ConvergeGateway').end().flow('start', 'eg');
    k.flow('eg', 'a', { condition: '${n} > 5' }).flow('eg', 'b', { condition: '${n} > 6' });
    k.chain('a', 'cg')
      .chain('b', 'cg')
      .chain('cg', 'end')
      .vars({ '${n}': plain(1) });
    const tree = await start(h, k);
    expect(await nameOf(h, tree.id, k.id('eg'))).toBe('FAILED');
    await expect(h.engine.skipExclusiveGateway(k.id('eg'), 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await h.engine.skipExclusiveGateway(k.id('eg'), k.flowId('eg', 'b'));
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states).toMatchObject({ [tree.id]: 'FINISHED', [k.id('eg')]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect(states[k.id('a')]).toBeUndefined();
  });

  it('skips a failed conditional parallel gateway into the chosen flows', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('cpg', 'ConditionalParallelGateway').gateway('cg', 'ConvergeGateway');
    k.end().flow('start', 'cpg');
    for (const name of ['b0', 'b1', 'b2']) k.act(name, 'echo').flow('cpg', name, { condition: '${n} > 5' });
    for (const name of ['b0', 'b1', 'b2']) k.flow(name, 'cg');
    k.chain('cg', 'end').vars({ '${n}': plain(1) });
    const tree = await start(h, k);
    expect(await nameOf(h, tree.id, k.id('cpg'))).toBe('FAILED');
    const flows = [k.flowId('cpg', 'b0'), k.flowId('cpg', 'b2')];
    await expect(h.engine.skipConditionalParallelGateway(k.id('cpg'), flows, k.id('end'))).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    await expect(h.engine.skipConditionalParallelGateway(k.id('cpg'), [], k.id('cg'))).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    await h.engine.skipConditionalParallelGateway(k.id('cpg'), flows, k.id('cg'));
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states).toMatchObject({ [tree.id]: 'FINISHED', [k.id('b0')]: 'FINISHED', [k.id('b2')]: 'FINISHED' });
    expect(states[k.id('b1')]).toBeUndefined();
    expect(await stateOf(h, tree.id, k.id('cpg'))).toMatchObject({ skip: true });
  });

  it('retries a subprocess whose params failed to render, after the context was fixed', async () => {
    const h = harness();
    const inner = new TreeKit()
      .start()
      .act('i', 'echo', { p: splice('${p}') })
      .end()
      .chain('start', 'i', 'end');
    inner.vars({ '${p}': plain('default') });
    const k = new TreeKit()
      .start()
      .sub('sp', inner, { '${p}': splice('${bad}') })
      .end()
      .chain('start', 'sp', 'end');
    k.vars({ '${bad}': lazy('v', 'boom') });
    const tree = await start(h, k);
    expect(await nameOf(h, tree.id, k.id('sp'))).toBe('FAILED');
    await h.engine.updateContextValues(tree.id, [{ key: '${bad}', type: 'plain', value: 'fixed' }]);
    await h.engine.retrySubprocess(k.id('sp'));
    await h.runUntilIdle();
    expect(await stateOf(h, tree.id, k.id('sp'))).toMatchObject({ state: 'FINISHED', retry: 1 });
    expect(await inputsOf(h, inner.id('i'))).toMatchObject({ p: 'fixed' });
  });
}
