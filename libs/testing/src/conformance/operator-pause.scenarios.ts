import type { ConformanceHarness } from './conformance-harness';
import { callbackAll, nameOf, start } from './operator-helpers';
import { stateNames } from './scenario-helpers';
import { TreeKit } from './tree-kit';

/** start → c (waits for a callback) → b → end */
function waitThenEcho(): TreeKit {
  return new TreeKit().start().act('c', 'wait_callback').act('b', 'echo').end().chain('start', 'c', 'b', 'end');
}

/** Parallel block nested in a parallel block; every leaf waits for a callback. */
function nestedParallel(): TreeKit {
  const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway');
  k.gateway('pg2', 'ParallelGateway').gateway('cg2', 'ConvergeGateway');
  k.act('x', 'wait_callback').act('y', 'wait_callback').act('z', 'wait_callback').act('after', 'echo').end();
  k.chain('start', 'pg', 'pg2', 'x', 'cg2').chain('pg2', 'y', 'cg2').chain('cg2', 'cg').chain('pg', 'z', 'cg');
  return k.chain('cg', 'after', 'end');
}

/** A subprocess whose body waits for callbacks in `waits` (in parallel when there are two). */
function withSubprocess(waits: string[]): { root: TreeKit; inner: TreeKit } {
  const inner = new TreeKit().start().act('d', 'echo').end();
  if (waits.length === 1) inner.act(waits[0]!, 'wait_callback').chain('start', waits[0]!, 'd', 'end');
  else {
    inner.gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').chain('start', 'pg');
    for (const name of waits) inner.act(name, 'wait_callback').chain('pg', name, 'cg');
    inner.chain('cg', 'd', 'end');
  }
  const root = new TreeKit().start().sub('sp', inner).act('after', 'echo').end().chain('start', 'sp', 'after', 'end');
  return { root, inner };
}

export function operatorPauseScenarios(harness: () => ConformanceHarness): void {
  it('pauses a pipeline at the next node boundary and resumes it', async () => {
    const h = harness();
    const k = waitThenEcho();
    const tree = await start(h, k);
    await h.engine.pausePipeline(tree.id);
    expect(await nameOf(h, tree.id, tree.id)).toBe('SUSPENDED');
    await callbackAll(h, tree.id, [k.id('c')], { ok: true });
    const paused = await stateNames(h, tree.id);
    expect(paused[k.id('c')]).toBe('FINISHED');
    expect(paused[k.id('b')]).toBeUndefined();
    await h.engine.resumePipeline(tree.id);
    await h.runUntilIdle();
    const done = await stateNames(h, tree.id);
    expect(done[tree.id]).toBe('FINISHED');
    expect(done[k.id('b')]).toBe('FINISHED');
  });

  it('pauses and resumes nested parallel branches', async () => {
    const h = harness();
    const k = nestedParallel();
    const tree = await start(h, k);
    await h.engine.pausePipeline(tree.id);
    await callbackAll(
      h,
      tree.id,
      ['x', 'y', 'z'].map((n) => k.id(n)),
    );
    const paused = await stateNames(h, tree.id);
    for (const n of ['x', 'y', 'z']) expect(paused[k.id(n)]).toBe('FINISHED');
    expect(paused[k.id('after')]).toBeUndefined();
    await h.engine.resumePipeline(tree.id);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('after')]: 'FINISHED' });
  });

  it.each([
    ['a subprocess', ['c']],
    ['a subprocess with parallel branches', ['c1', 'c2']],
  ])('pauses a pipeline running %s and resumes it', async (_label, waits) => {
    const h = harness();
    const { root, inner } = withSubprocess(waits);
    const tree = await start(h, root);
    await h.engine.pausePipeline(tree.id);
    await callbackAll(
      h,
      tree.id,
      waits.map((n) => inner.id(n)),
    );
    expect(await nameOf(h, tree.id, inner.id('d'))).toBeUndefined();
    await h.engine.resumePipeline(tree.id);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({
      [tree.id]: 'FINISHED',
      [inner.id('d')]: 'FINISHED',
      [root.id('after')]: 'FINISHED',
    });
  });

  it('resumed before the pause took effect, a pipeline just goes on', async () => {
    const h = harness();
    const k = waitThenEcho();
    const tree = await start(h, k);
    await h.engine.pausePipeline(tree.id);
    await h.engine.resumePipeline(tree.id);
    await callbackAll(h, tree.id, [k.id('c')]);
    expect(await nameOf(h, tree.id, tree.id)).toBe('FINISHED');
  });

  it('pauses only the processes inside a paused subprocess', async () => {
    const h = harness();
    const inner = new TreeKit()
      .start()
      .act('c', 'wait_callback')
      .act('d', 'echo')
      .end()
      .chain('start', 'c', 'd', 'end');
    const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
    k.sub('sp', inner).act('e', 'wait_callback').act('f', 'echo');
    k.chain('start', 'pg', 'sp', 'cg').chain('pg', 'e', 'f', 'cg').chain('cg', 'end');
    const tree = await start(h, k);
    await h.engine.pausePipeline(k.id('sp'));
    await callbackAll(h, tree.id, [inner.id('c'), k.id('e')]);
    const paused = await stateNames(h, tree.id);
    expect(paused[k.id('sp')]).toBe('SUSPENDED');
    expect(paused[inner.id('d')]).toBeUndefined();
    expect(paused[k.id('f')]).toBe('FINISHED');
    await h.engine.resumePipeline(k.id('sp'));
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('sp')]: 'FINISHED' });
  });

  it('revokes a run with nested parallel branches: running nodes finish, nothing after them runs', async () => {
    const h = harness();
    const k = nestedParallel();
    const tree = await start(h, k);
    await h.engine.revokePipeline(tree.id);
    await callbackAll(
      h,
      tree.id,
      ['x', 'y', 'z'].map((n) => k.id(n)),
    );
    const states = await stateNames(h, tree.id);
    expect(states[tree.id]).toBe('REVOKED');
    for (const n of ['x', 'y', 'z']) expect(states[k.id(n)]).toBe('FINISHED');
    expect(states[k.id('cg')]).toBeUndefined();
    expect(states[k.id('after')]).toBeUndefined();
    await expect(h.engine.resumePipeline(tree.id)).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
  });
}
