import type { EngineTask, ExecuteTask, StepCommit } from '@bamboo/engine';
import { conformanceCatalog } from '../conformance/test-components';
import { plain, TreeKit } from '../conformance/tree-kit';
import { InMemoryHarness } from './in-memory-harness';

// Two workers interleaved: one step is held between its reads and its commit (`holdCommit`) while
// another worker or an operator command commits. Each race has exactly one outcome (spec 01 §5.2).

function harness(options: { deferTrivialCommits?: boolean } = {}) {
  return new InMemoryHarness({ catalog: conformanceCatalog(), ...options });
}

async function states(h: InMemoryHarness, rootId: string): Promise<Record<string, string>> {
  const root = (await h.engine.getPipelineStates(rootId))[rootId]!;
  return { [rootId]: root.state, ...Object.fromEntries(Object.entries(root.children).map(([id, c]) => [id, c.state])) };
}

function take(h: InMemoryHarness): EngineTask {
  const task = h.queue.takeDue();
  if (!task) throw new Error('no task due');
  return task;
}

const writes = (commit: StepCommit, nodeId: string, name: string) =>
  (commit.states ?? []).some((write) => write.record.nodeId === nodeId && write.record.name === name);

describe('races on the in-memory runtime', () => {
  it('two children arriving at a converge gateway at once wake the parent exactly once', async () => {
    const h = harness();
    const k = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway');
    k.act('a', 'echo').act('b', 'echo').end().chain('start', 'pg', 'a', 'cg').chain('pg', 'b', 'cg').chain('cg', 'end');
    const tree = k.build();
    const { processId: rootProcess } = await h.engine.runPipeline(tree);
    await h.engine.handle(take(h));
    const [childA, childB] = [take(h), take(h)];
    const holds = [h.runtime.holdCommit((c) => !!c.join), h.runtime.holdCommit((c) => !!c.join)];
    const running = [h.engine.handle(childA), h.engine.handle(childB)];
    await Promise.all(holds.map((hold) => hold.reached));
    holds.forEach((hold) => hold.release());
    await Promise.all(running);
    const wakes = h.queue.history.filter((t) => t.kind === 'execute' && t.processId === rootProcess);
    // The root's first task and exactly one wake-up.
    expect(wakes).toHaveLength(2);
    await h.runUntilIdle();
    expect((await states(h, tree.id))[tree.id]).toBe('FINISHED');
    expect(await h.engine.getHistories(k.id('cg'))).toHaveLength(0);
  });

  it.each([
    ['the forced fail commits first: the callback result is discarded', 'forced'],
    ['the callback result commits first: the forced fail is refused', 'callback'],
  ])('callback racing a forced fail — %s', async (_label, first) => {
    const h = harness();
    const k = new TreeKit().start().act('c', 'wait_callback').act('b', 'echo').end().chain('start', 'c', 'b', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const version = (await h.engine.getNodeState(k.id('c'))).version;
    await h.engine.callback(k.id('c'), version, { ok: true });
    const hold = h.runtime.holdCommit((c) => writes(c, k.id('c'), 'FINISHED'));
    const schedule = h.engine.handle(take(h));
    await hold.reached;
    if (first === 'forced') {
      await h.engine.forcedFailActivity(k.id('c'), 'operator');
      hold.release();
      await schedule;
      await h.runUntilIdle();
      expect(await states(h, tree.id)).toMatchObject({ [k.id('c')]: 'FAILED', [tree.id]: 'RUNNING' });
      expect((await states(h, tree.id))[k.id('b')]).toBeUndefined();
      expect(await h.engine.getExecutionDataOutputs(k.id('c'))).toMatchObject({ _forced_failed: true });
      await h.engine.retryNode(k.id('c'));
      await h.runUntilIdle();
      expect(h.runtime.store.schedules.size).toBe(2);
    } else {
      const forced = h.engine.forcedFailActivity(k.id('c'), 'operator');
      hold.release();
      await schedule;
      await expect(forced).rejects.toMatchObject({ code: 'STATE_VERSION_NOT_MATCH' });
      await h.runUntilIdle();
      expect(await states(h, tree.id)).toMatchObject({ [k.id('c')]: 'FINISHED', [tree.id]: 'FINISHED' });
    }
  });

  it('a retry racing a late schedule result: the old attempt is discarded, the retried one wins', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('p', 'poll', { times: plain(2) })
      .end()
      .chain('start', 'p', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const old = (await h.engine.getNodeState(k.id('p'))).version;
    h.clock.advance(2);
    const hold = h.runtime.holdCommit((c) => writes(c, k.id('p'), 'FINISHED'));
    const latePoll = h.engine.handle(take(h));
    await hold.reached;
    await h.engine.forcedFailActivity(k.id('p'), 'operator');
    await h.engine.retryNode(k.id('p'));
    await h.runUntilIdle();
    const retried = await h.engine.getNodeState(k.id('p'));
    expect(retried).toMatchObject({ state: 'RUNNING', retry: 1 });
    hold.release();
    await latePoll;
    expect(await h.engine.getNodeState(k.id('p'))).toMatchObject({ state: 'RUNNING', version: retried.version });
    await h.advance(2);
    expect(await h.engine.getNodeState(k.id('p'))).toMatchObject({ state: 'FINISHED', version: retried.version });
    expect((await states(h, tree.id))[tree.id]).toBe('FINISHED');
    expect((await h.engine.getHistories(k.id('p'))).map((history) => history.version)).toEqual([
      expect.not.stringMatching(old),
    ]);
  });

  it('a pause racing a node finishing on its own: the node finishes, the process stops before the next node', async () => {
    const h = harness({ deferTrivialCommits: false });
    const k = new TreeKit().start().act('a', 'echo').act('b', 'echo').end().chain('start', 'a', 'b', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    const hold = h.runtime.holdCommit((c) => writes(c, k.id('a'), 'FINISHED'));
    const worker = h.engine.handle(take(h));
    await hold.reached;
    await h.engine.pausePipeline(tree.id);
    hold.release();
    await worker;
    await h.runUntilIdle();
    const paused = await states(h, tree.id);
    expect(paused).toMatchObject({ [tree.id]: 'SUSPENDED', [k.id('a')]: 'FINISHED' });
    expect(paused[k.id('b')]).toBeUndefined();
    await h.engine.resumePipeline(tree.id);
    await h.runUntilIdle();
    expect((await states(h, tree.id))[tree.id]).toBe('FINISHED');
  });

  it('a pause racing a result committed with the next entry: the next node was entered, the process stops after it', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo')
      .act('b', 'echo')
      .act('c', 'echo')
      .end()
      .chain('start', 'a', 'b', 'c', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    // a's result rides with b's entry: b was read (pipeline RUNNING) before this commit.
    let held: StepCommit | undefined;
    const hold = h.runtime.holdCommit((c) => (writes(c, k.id('a'), 'FINISHED') ? (held = c) : undefined) !== undefined);
    const worker = h.engine.handle(take(h));
    await hold.reached;
    expect(held?.states?.map((write) => [write.record.nodeId, write.record.name])).toEqual([
      [k.id('a'), 'FINISHED'],
      [k.id('b'), 'RUNNING'],
    ]);
    await h.engine.pausePipeline(tree.id);
    hold.release();
    await worker;
    await h.runUntilIdle();
    const paused = await states(h, tree.id);
    expect(paused).toMatchObject({ [tree.id]: 'SUSPENDED', [k.id('a')]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect(paused[k.id('c')]).toBeUndefined();
    await h.engine.resumePipeline(tree.id);
    await h.runUntilIdle();
    expect((await states(h, tree.id))[tree.id]).toBe('FINISHED');
  });

  it('a pause booked while a process enters the node: the entry is re-read and the process suspends', async () => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'echo').end().chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    const hold = h.runtime.holdCommit((c) => writes(c, k.id('a'), 'RUNNING'));
    const task = take(h) as ExecuteTask;
    const worker = h.engine.handle(task);
    await hold.reached;
    await h.engine.pauseNodeAppoint(k.id('a'));
    hold.release();
    await worker;
    expect(await h.engine.getNodeState(k.id('a'))).toMatchObject({ state: 'SUSPENDED', root_id: tree.id });
    const process = h.runtime.store.processes.get(task.processId)!;
    expect(process).toMatchObject({ suspended: true, suspendedBy: k.id('a') });
    await h.engine.resumeNodeAppoint(k.id('a'));
    await h.runUntilIdle();
    expect((await states(h, tree.id))[tree.id]).toBe('FINISHED');
  });

  it.each([
    ["arrives between the resume's read and its write: the resume re-dispatches it", 'before'],
    ["arrives after the resume's write: its entry is re-read and it runs the READY node", 'after'],
  ])('a process reaching a booked node while it is resumed %s', async (_label, arrival) => {
    const h = harness();
    const k = new TreeKit().start().act('a', 'echo').end().chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.engine.pauseNodeAppoint(k.id('a'));
    if (arrival === 'before') {
      const hold = h.runtime.holdCommit((c) => writes(c, k.id('a'), 'READY'));
      const resume = h.engine.resumeNodeAppoint(k.id('a'));
      await hold.reached;
      await h.runUntilIdle();
      expect(await h.engine.getNodeState(k.id('a'))).toMatchObject({ state: 'SUSPENDED', root_id: tree.id });
      hold.release();
      await resume;
    } else {
      const hold = h.runtime.holdCommit((c) => writes(c, k.id('a'), 'SUSPENDED'));
      const worker = h.engine.handle(take(h));
      await hold.reached;
      await h.engine.resumeNodeAppoint(k.id('a'));
      hold.release();
      await worker;
    }
    await h.runUntilIdle();
    expect(await states(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('a')]: 'FINISHED' });
    expect([...h.runtime.store.processes.values()].some((p) => p.suspended)).toBe(false);
  });

  it('a forced fail while the service executes: the late execute result is discarded', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { v: plain(1) })
      .end()
      .chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    const hold = h.runtime.holdCommit((c) => writes(c, k.id('a'), 'FINISHED'));
    const worker = h.engine.handle(take(h));
    await hold.reached;
    await h.engine.forcedFailActivity(k.id('a'), 'too slow');
    hold.release();
    await worker;
    await h.runUntilIdle();
    expect(await states(h, tree.id)).toMatchObject({ [tree.id]: 'RUNNING', [k.id('a')]: 'FAILED' });
    expect(await h.engine.getExecutionDataOutputs(k.id('a'))).toMatchObject({ ex_data: 'too slow' });
    await h.engine.skipNode(k.id('a'));
    await h.runUntilIdle();
    expect((await states(h, tree.id))[tree.id]).toBe('FINISHED');
  });
});
