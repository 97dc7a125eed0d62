import type { Engine } from '@bamboo/engine';
import type { ConformanceHarness } from './conformance-harness';
import { observable, start } from './operator-helpers';
import { rollbackCalls } from './test-components';
import { plain, TreeKit } from './tree-kit';

/**
 * start → a → pg → (p1 | w | f) → cg → c → end, parked with a and p1 FINISHED, w RUNNING (waiting
 * for a callback), f FAILED with its branch process asleep on it, and c never reached.
 */
function parked(): TreeKit {
  const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
  k.act('a', 'rollback_recorder', { tag: plain(k.id('a')) })
    .act('p1', 'echo')
    .act('w', 'wait_callback');
  k.act('f', 'fail_unless_ok', { ok: plain(false) }).act('c', 'echo');
  k.chain('start', 'a', 'pg', 'p1', 'cg').chain('pg', 'w', 'cg').chain('pg', 'f', 'cg');
  return k.chain('cg', 'c', 'end');
}

type Call = (engine: Engine, id: (name: string) => string, rootId: string) => Promise<unknown>;

/** Each refused call of A.21 with its typed error; the run is parked with w RUNNING, a/p1 FINISHED. */
const REFUSED: Array<[string, string, Call]> = [
  ['roll back an unknown pipeline', 'NOT_FOUND', (e, id) => e.rollback('no-such-pipeline', id('w'), id('a'))],
  ['roll back from a RUNNING node', 'INVALID_OPERATION', (e, id, root) => e.rollback(root, id('w'), id('a'))],
  ['roll back from an unknown node', 'NOT_FOUND', (e, id, root) => e.rollback(root, 'no-such-node', id('a'))],
  ['roll back to a gateway', 'INVALID_OPERATION', (e, id, root) => e.rollback(root, id('p1'), id('pg'))],
  ['roll back to the start node itself', 'INVALID_OPERATION', (e, id, root) => e.rollback(root, id('p1'), id('p1'))],
  [
    'roll back across parallel branches (token)',
    'INVALID_OPERATION',
    (e, id, root) => e.rollback(root, id('f'), id('a')),
  ],
  ['roll back to a FAILED target', 'INVALID_OPERATION', (e, id, root) => e.rollback(root, id('f'), id('f'))],
  [
    'roll back from a node no process sits on',
    'INVALID_OPERATION',
    (e, id, root) => e.rollback(root, id('p1'), id('a')),
  ],
  [
    'roll back in an unknown mode',
    'INVALID_OPERATION',
    (e, id, root) => e.rollback(root, id('p1'), id('a'), { mode: 'SOME' as 'ANY' }),
  ],
  [
    'retry a rollback of a RUNNING pipeline',
    'INVALID_OPERATION',
    (e, id, root) => e.retryRollbackFailedNode(root, id('a')),
  ],
  [
    'retry a rollback in ANY mode',
    'INVALID_OPERATION',
    (e, id, root) => e.retryRollbackFailedNode(root, id('a'), null, 'ANY'),
  ],
  ['reserve on a FINISHED node', 'INVALID_OPERATION', (e, id, root) => e.reserveRollback(root, id('p1'), id('a'))],
  [
    'reserve across parallel branches (token)',
    'INVALID_OPERATION',
    (e, id, root) => e.reserveRollback(root, id('w'), id('a')),
  ],
  ['reserve to a RUNNING target', 'INVALID_OPERATION', (e, id, root) => e.reserveRollback(root, id('w'), id('w'))],
  [
    'cancel a reservation on a FINISHED node',
    'INVALID_OPERATION',
    (e, id, root) => e.cancelReservedRollback(root, id('p1'), id('a')),
  ],
];

export function rollbackErrorScenarios(harness: () => ConformanceHarness): void {
  it.each(REFUSED)('refuses to %s (%s) and changes nothing', async (_label, code, call) => {
    const h = harness();
    const k = parked();
    const tree = await start(h, k);
    const ids = watched(k);
    const before = await observable(h, tree.id, ids);
    const calls = rollbackCalls.length;
    await expect(call(h.engine, (name) => k.id(name), tree.id)).rejects.toMatchObject({ code });
    await h.runUntilIdle();
    expect(await observable(h, tree.id, ids)).toEqual(before);
    expect(rollbackCalls.length).toBe(calls);
  });

  it('refuses ANY while a node is RUNNING and any call on a pipeline that is not RUNNING', async () => {
    const h = harness();
    const k = parked();
    const tree = await start(h, k);
    const ids = watched(k);
    const before = await observable(h, tree.id, ids);
    const any = { mode: 'ANY' as const, skipCheckToken: true };
    await expect(h.engine.rollback(tree.id, k.id('f'), k.id('a'), any)).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    expect(await observable(h, tree.id, ids)).toEqual(before);
    await h.engine.pausePipeline(tree.id);
    const paused = await observable(h, tree.id, ids);
    await expect(h.engine.getAllowedRollbackNodeIdList(tree.id, k.id('p1'))).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    await expect(h.engine.reserveRollback(tree.id, k.id('w'), k.id('a'), any)).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    expect(await observable(h, tree.id, ids)).toEqual(paused);
  });
}

/** With rollback disabled (the default) every rollback call is refused. */
export function rollbackDisabledScenarios(harness: () => ConformanceHarness): void {
  it('refuses every rollback call when rollback is not enabled', async () => {
    const h = harness();
    const k = parked();
    const tree = await start(h, k);
    const ids = watched(k);
    const before = await observable(h, tree.id, ids);
    for (const call of [
      () => h.engine.rollback(tree.id, k.id('p1'), k.id('a'), { mode: 'ANY', skipCheckToken: true }),
      () => h.engine.reserveRollback(tree.id, k.id('w'), k.id('a'), { mode: 'ANY', skipCheckToken: true }),
      () => h.engine.getAllowedRollbackNodeIdList(tree.id, k.id('p1')),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
    }
    expect(await observable(h, tree.id, ids)).toEqual(before);
  });
}

function watched(k: TreeKit): string[] {
  return ['start', 'a', 'pg', 'p1', 'w', 'f', 'cg', 'c'].map((name) => k.id(name));
}
