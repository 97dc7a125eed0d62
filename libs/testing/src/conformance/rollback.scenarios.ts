import type { ConformanceHarness } from './conformance-harness';
import { callbackAll, nameOf, start } from './operator-helpers';
import { stateNames, stateOf } from './scenario-helpers';
import { rollbackCalls } from './test-components';
import { plain, TreeKit } from './tree-kit';

/** start → a → b → c (fails) → end; a and b record their rollback calls. */
function failingAtEnd(a = 'rollback_recorder'): TreeKit {
  const k = new TreeKit().start().end();
  k.act('a', a, { tag: plain(k.id('a')) }).act('b', 'rollback_recorder', { tag: plain(k.id('b')) });
  k.act('c', 'fail_unless_ok', { ok: plain(false) });
  return k.chain('start', 'a', 'b', 'c', 'end');
}

/** Rollback calls of one run's nodes, as node names in call order. */
function callsOf(k: TreeKit, names: string[]): string[] {
  const byTag = new Map(names.map((name) => [k.id(name), name]));
  return rollbackCalls.filter((call) => byTag.has(call.tag as string)).map((call) => byTag.get(call.tag as string)!);
}

export function rollbackScenarios(harness: () => ConformanceHarness): void {
  it('TOKEN: calls the components rollback in reverse order, then restarts at the target', async () => {
    const h = harness();
    const k = failingAtEnd();
    const tree = await start(h, k, { rootPipelineData: { executor: 'alice' } });
    const before = await stateOf(h, tree.id, k.id('a'));
    await h.engine.rollback(tree.id, k.id('c'), k.id('a'), { mode: 'TOKEN' });
    await h.runUntilIdle();
    // c FAILED is excluded from rollback calls; b then a, each with its stored data and root data.
    expect(callsOf(k, ['a', 'b', 'c'])).toEqual(['b', 'a']);
    const call = rollbackCalls.find((entry) => entry.tag === k.id('b'));
    expect(call).toMatchObject({ outputs: { tag: k.id('b'), _result: true }, parent: { executor: 'alice' } });
    // Restarted at a: a, b ran again, c failed again; the path's records were recreated from scratch.
    const names = await stateNames(h, tree.id);
    expect(names).toMatchObject({ [tree.id]: 'RUNNING', [k.id('a')]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect(names[k.id('c')]).toBe('FAILED');
    const after = await stateOf(h, tree.id, k.id('a'));
    expect(after).toMatchObject({ retry: (before?.retry ?? 0) + 1, loop: 1 });
    expect(after?.version).not.toBe(before?.version);
    expect(await h.engine.getHistories(k.id('a'))).toEqual([]);
    // Node snapshots were cleared: a second rollback calls each node once more, not twice.
    await h.engine.rollback(tree.id, k.id('c'), k.id('a'));
    await h.runUntilIdle();
    expect(callsOf(k, ['a', 'b', 'c'])).toEqual(['b', 'a', 'b', 'a']);
  });

  it('ANY: clears the path and restarts at the target without component calls', async () => {
    const h = harness();
    const k = failingAtEnd();
    const tree = await start(h, k);
    await h.engine.rollback(tree.id, k.id('c'), k.id('b'), { mode: 'ANY' });
    await h.runUntilIdle();
    expect(callsOf(k, ['a', 'b', 'c'])).toEqual([]);
    const names = await stateNames(h, tree.id);
    expect(names).toMatchObject({ [tree.id]: 'RUNNING', [k.id('a')]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect(names[k.id('c')]).toBe('FAILED');
    expect(await stateOf(h, tree.id, k.id('b'))).toMatchObject({ retry: 1 });
    expect(await stateOf(h, tree.id, k.id('a'))).toMatchObject({ retry: 0 });
  });

  it('a failing component rollback leaves ROLL_BACK_FAILED; retry_rollback_failed_node continues', async () => {
    const h = harness();
    const k = failingAtEnd('rollback_fails_once');
    const tree = await start(h, k);
    await h.engine.rollback(tree.id, k.id('c'), k.id('a'));
    await h.runUntilIdle();
    expect(callsOf(k, ['a', 'b'])).toEqual(['b', 'a']);
    expect(await stateNames(h, tree.id)).toMatchObject({
      [tree.id]: 'ROLL_BACK_FAILED',
      [k.id('a')]: 'ROLL_BACK_FAILED',
      [k.id('b')]: 'ROLL_BACK_SUCCESS',
      [k.id('c')]: 'FAILED',
    });
    await expect(h.engine.retryRollbackFailedNode(tree.id, k.id('b'))).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    await h.engine.retryRollbackFailedNode(tree.id, k.id('a'), { reason: 'fixed by hand' });
    await h.runUntilIdle();
    expect(callsOf(k, ['a', 'b'])).toEqual(['b', 'a', 'a']);
    expect(rollbackCalls.filter((call) => call.tag === k.id('a')).map((call) => call.rollbackData)).toEqual([
      undefined,
      { reason: 'fixed by hand' },
    ]);
    expect(await stateNames(h, tree.id)).toMatchObject({
      [tree.id]: 'RUNNING',
      [k.id('a')]: 'FINISHED',
      [k.id('b')]: 'FINISHED',
      [k.id('c')]: 'FAILED',
    });
  });

  it('a reservation runs when its RUNNING start node finishes', async () => {
    const h = harness();
    const k = new TreeKit().start().end();
    k.act('a', 'rollback_recorder', { tag: plain(k.id('a')) });
    k.act('w', 'rollback_recorder_wait', { tag: plain(k.id('w')) }).act('after', 'echo');
    k.chain('start', 'a', 'w', 'after', 'end');
    const tree = await start(h, k);
    const waiting = await stateOf(h, tree.id, k.id('w'));
    await h.engine.reserveRollback(tree.id, k.id('w'), k.id('a'));
    await expect(h.engine.reserveRollback(tree.id, k.id('w'), k.id('a'))).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    await callbackAll(h, tree.id, [k.id('w')]);
    expect(callsOf(k, ['a', 'w'])).toEqual(['w', 'a']);
    // Restarted at a: w waits for a callback again; the node after w never ran.
    const again = await stateOf(h, tree.id, k.id('w'));
    expect(again?.state).toBe('RUNNING');
    expect(again?.version).not.toBe(waiting?.version);
    expect(await nameOf(h, tree.id, k.id('after'))).toBeUndefined();
    expect(await nameOf(h, tree.id, tree.id)).toBe('RUNNING');
    // The plan was used up: the run goes on normally now.
    await callbackAll(h, tree.id, [k.id('w')]);
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
    expect(callsOf(k, ['a', 'w'])).toEqual(['w', 'a']);
  });

  it('a cancelled reservation does not run', async () => {
    const h = harness();
    const k = new TreeKit().start().end();
    k.act('a', 'rollback_recorder', { tag: plain(k.id('a')) });
    k.act('w', 'rollback_recorder_wait', { tag: plain(k.id('w')) });
    k.chain('start', 'a', 'w', 'end');
    const tree = await start(h, k);
    await h.engine.reserveRollback(tree.id, k.id('w'), k.id('a'), { mode: 'ANY' });
    await h.engine.cancelReservedRollback(tree.id, k.id('w'), k.id('a'), { mode: 'ANY' });
    await callbackAll(h, tree.id, [k.id('w')]);
    expect(callsOf(k, ['a', 'w'])).toEqual([]);
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
    expect(await stateOf(h, tree.id, k.id('a'))).toMatchObject({ retry: 0 });
  });

  it('lists the allowed rollback targets: same token, or every executed activity with ANY', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
    k.act('a', 'echo')
      .act('p1', 'echo')
      .act('p2', 'echo')
      .act('c', 'fail_unless_ok', { ok: plain(false) });
    k.act('later', 'echo')
      .chain('start', 'a', 'pg', 'p1', 'cg')
      .chain('pg', 'p2', 'cg')
      .chain('cg', 'c', 'later', 'end');
    const tree = await start(h, k);
    const ids = (names: string[]) => names.map((name) => k.id(name)).sort();
    expect((await h.engine.getAllowedRollbackNodeIdList(tree.id, k.id('c'))).sort()).toEqual(ids(['a']));
    const any = await h.engine.getAllowedRollbackNodeIdList(tree.id, k.id('c'), { mode: 'ANY', skipCheckToken: true });
    expect(any.sort()).toEqual(ids(['a', 'p1', 'p2']));
    expect(await h.engine.getAllowedRollbackNodeIdList(tree.id, k.id('p1'))).toEqual([]);
    expect(await h.engine.getAllowedRollbackNodeIdList(tree.id, 'no-such-node')).toEqual([]);
  });
}
