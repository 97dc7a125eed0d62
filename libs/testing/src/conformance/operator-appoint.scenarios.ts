import type { ConformanceHarness } from './conformance-harness';
import { nameOf, versionOf } from './operator-helpers';
import { stateNames } from './scenario-helpers';
import { TreeKit } from './tree-kit';

async function book(h: ConformanceHarness, k: TreeKit, nodeId: string) {
  const tree = k.build();
  await h.engine.runPipeline(tree);
  await h.engine.pauseNodeAppoint(nodeId);
  await h.runUntilIdle();
  return tree;
}

export function operatorAppointScenarios(harness: () => ConformanceHarness): void {
  it('a booked pause stops the process before the node, which fills its ids, until resumed', async () => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'echo').act('b', 'echo').end().chain('start', 'a', 'b', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.engine.pauseNodeAppoint(k.id('b'));
    expect(await h.engine.getNodeState(k.id('b'))).toMatchObject({ state: 'SUSPENDED', root_id: '', parent_id: '' });
    expect(await nameOf(h, tree.id, k.id('b'))).toBeUndefined();
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [k.id('a')]: 'FINISHED', [k.id('b')]: 'SUSPENDED' });
    expect(await h.engine.getNodeState(k.id('b'))).toMatchObject({ root_id: tree.id, parent_id: tree.id });
    expect(await nameOf(h, tree.id, k.id('end'))).toBeUndefined();
    await h.engine.resumeNodeAppoint(k.id('b'));
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('b')]: 'FINISHED' });
  });

  it('a booked pause in one parallel branch holds the join only', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
    k.act('a', 'echo').act('b', 'echo').chain('start', 'pg', 'a', 'cg').chain('pg', 'b', 'cg').chain('cg', 'end');
    const tree = await book(h, k, k.id('a'));
    const held = await stateNames(h, tree.id);
    expect(held).toMatchObject({ [k.id('a')]: 'SUSPENDED', [k.id('b')]: 'FINISHED' });
    expect(held[k.id('cg')]).toBeUndefined();
    await h.engine.resumeNodeAppoint(k.id('a'));
    await h.runUntilIdle();
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('a booked pause inside a subprocess holds the subprocess', async () => {
    const h = harness();
    const inner = new TreeKit().start().act('i', 'echo').end().chain('start', 'i', 'end');
    const k = new TreeKit().start().sub('sp', inner).end().chain('start', 'sp', 'end');
    const tree = await book(h, k, inner.id('i'));
    expect(await stateNames(h, tree.id)).toMatchObject({ [k.id('sp')]: 'RUNNING', [inner.id('i')]: 'SUSPENDED' });
    expect(await h.engine.getNodeState(inner.id('i'))).toMatchObject({ root_id: tree.id, parent_id: k.id('sp') });
    await h.engine.resumeNodeAppoint(inner.id('i'));
    await h.runUntilIdle();
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('resumed before any process arrived, the booking is cancelled and the node runs from READY', async () => {
    const h = harness();
    // The process waits at `w` until called back, so that it surely has not reached `a` yet, even
    // with real workers picking the run up at once.
    const k = new TreeKit().start().act('w', 'wait_callback').act('a', 'echo').end().chain('start', 'w', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    await h.engine.pauseNodeAppoint(k.id('a'));
    await h.engine.resumeNodeAppoint(k.id('a'));
    expect((await h.engine.getNodeState(k.id('a'))).state).toBe('READY');
    await h.engine.callback(k.id('w'), await versionOf(h, tree.id, k.id('w')), {});
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('a')]: 'FINISHED' });
  });
}
