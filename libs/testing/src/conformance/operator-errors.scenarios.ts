import type { Engine } from '@bamboo/engine';
import type { ConformanceHarness } from './conformance-harness';
import { observable, start, versionOf } from './operator-helpers';
import { plain, TreeKit } from './tree-kit';

/** A run parked with f FAILED, c RUNNING (waiting for a callback), sp and fixed FINISHED. */
function parked(): TreeKit {
  const inner = new TreeKit().start().act('i', 'echo').end().chain('start', 'i', 'end');
  const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
  k.act('f', 'fail_unless_ok', { ok: plain(false) })
    .act('c', 'wait_callback')
    .sub('sp', inner);
  k.act('fixed', 'fail_unless_ok', { ok: plain(false) }, { retryable: false, skippable: false });
  for (const name of ['f', 'c', 'sp', 'fixed']) k.chain('pg', name, 'cg');
  return k.chain('start', 'pg').chain('cg', 'end');
}

type Call = (engine: Engine, id: (name: string) => string, rootId: string) => Promise<unknown>;

const REFUSED: Array<[string, string, Call]> = [
  ['pause an unknown pipeline', 'NOT_FOUND', (e) => e.pausePipeline('no-such-pipeline')],
  ['pause a service activity as a pipeline', 'INVALID_OPERATION', (e, id) => e.pausePipeline(id('c'))],
  ['pause a FINISHED subprocess', 'INVALID_OPERATION', (e, id) => e.pausePipeline(id('sp'))],
  ['resume a RUNNING pipeline', 'INVALID_OPERATION', (e, _id, root) => e.resumePipeline(root)],
  ['revoke a subprocess', 'INVALID_OPERATION', (e, id) => e.revokePipeline(id('sp'))],
  ['book a pause on a subprocess', 'INVALID_OPERATION', (e, id) => e.pauseNodeAppoint(id('sp'))],
  ['book a pause on a RUNNING node', 'INVALID_OPERATION', (e, id) => e.pauseNodeAppoint(id('c'))],
  ['book a pause on an unknown node', 'NOT_FOUND', (e) => e.pauseNodeAppoint('no-such-node')],
  ['resume a node that is not SUSPENDED', 'INVALID_OPERATION', (e, id) => e.resumeNodeAppoint(id('f'))],
  ['retry a RUNNING node', 'INVALID_OPERATION', (e, id) => e.retryNode(id('c'))],
  ['retry a FINISHED node', 'INVALID_OPERATION', (e, id) => e.retryNode(id('start'))],
  ['retry a node that is not retryable', 'INVALID_OPERATION', (e, id) => e.retryNode(id('fixed'))],
  ['loop-retry a node without loop', 'INVALID_OPERATION', (e, id) => e.retryNode(id('f'), { loopRetry: true })],
  ['retry an unknown node', 'NOT_FOUND', (e) => e.retryNode('no-such-node')],
  ['retry a FINISHED subprocess', 'INVALID_OPERATION', (e, id) => e.retrySubprocess(id('sp'))],
  ['retry an activity as a subprocess', 'INVALID_OPERATION', (e, id) => e.retrySubprocess(id('f'))],
  ['skip a RUNNING node', 'INVALID_OPERATION', (e, id) => e.skipNode(id('c'))],
  ['skip a node that is not skippable', 'INVALID_OPERATION', (e, id) => e.skipNode(id('fixed'))],
  ['skip a subprocess', 'INVALID_OPERATION', (e, id) => e.skipNode(id('sp'))],
  ['loop-skip a node without loop', 'INVALID_OPERATION', (e, id) => e.skipNode(id('f'), { loopSkip: true })],
  ['skip an activity as a gateway', 'INVALID_OPERATION', (e, id) => e.skipExclusiveGateway(id('f'), 'x')],
  [
    'skip a parallel gateway as conditional',
    'INVALID_OPERATION',
    (e, id) => e.skipConditionalParallelGateway(id('pg'), ['x'], id('cg')),
  ],
  ['force-fail a FAILED node', 'INVALID_OPERATION', (e, id) => e.forcedFailActivity(id('f'), 'x')],
  ['force-fail a subprocess', 'INVALID_OPERATION', (e, id) => e.forcedFailActivity(id('sp'), 'x')],
  ['update outputs of a RUNNING node', 'INVALID_OPERATION', (e, id, root) => e.updateNodeOutputs(root, id('c'), {})],
  [
    'update ${_system} outputs',
    'INVALID_OPERATION',
    (e, id, root) => e.updateNodeOutputs(root, id('f'), { '${_system}': 1 }),
  ],
  ['callback a node without schedule', 'NOT_FOUND', (e, id) => e.callback(id('f'), 'v0', {})],
  ['callback a node nobody waits on', 'INVALID_OPERATION', (e, id) => e.callback(id('sp'), 'v0', {})],
];

export function operatorErrorScenarios(harness: () => ConformanceHarness): void {
  const watched = ['start', 'f', 'c', 'sp', 'fixed', 'pg', 'cg'];

  it.each(REFUSED)('refuses to %s (%s) and changes nothing', async (_label, code, call) => {
    const h = harness();
    const k = parked();
    const tree = await start(h, k);
    const ids = watched.map((name) => k.id(name));
    const before = await observable(h, tree.id, ids);
    await expect(call(h.engine, (name) => k.id(name), tree.id)).rejects.toMatchObject({ code });
    await h.runUntilIdle();
    expect(await observable(h, tree.id, ids)).toEqual(before);
  });

  it('a repeated command fails with a transition error or 409 and changes nothing', async () => {
    const h = harness();
    const k = parked();
    const tree = await start(h, k);
    const ids = watched.map((name) => k.id(name));
    await h.engine.pausePipeline(tree.id);
    const paused = await observable(h, tree.id, ids);
    await expect(h.engine.pausePipeline(tree.id)).rejects.toMatchObject({ name: 'InvalidStateTransitionError' });
    await h.engine.retryNode(k.id('f'), { data: { ok: true } });
    const retried = await observable(h, tree.id, ids);
    expect(retried).not.toEqual(paused);
    await expect(h.engine.retryNode(k.id('f'))).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
    await expect(h.engine.skipNode(k.id('f'))).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
    expect(await observable(h, tree.id, ids)).toEqual(retried);
    await h.engine.revokePipeline(tree.id);
    await expect(h.engine.revokePipeline(tree.id)).rejects.toMatchObject({ name: 'InvalidStateTransitionError' });
    const version = await versionOf(h, tree.id, k.id('c'));
    await expect(h.engine.callback(k.id('c'), 'v-other', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await versionOf(h, tree.id, k.id('c'))).toBe(version);
  });
}
