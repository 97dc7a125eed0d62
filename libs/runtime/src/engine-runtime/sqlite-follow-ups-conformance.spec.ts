import { Engine, type ComponentCatalog, type EngineSettings } from '@bamboo/engine';
import {
  FakeClock,
  TreeKit,
  conformanceCatalog,
  describeEngineConformance,
  outputsOf,
  serviceCalls,
  stateNames,
} from '@bamboo/testing';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import { EngineWorker } from '../worker/engine-worker';
import { DurableHarness } from './conformance/durable-harness.conformance';
import { TrackedTaskQueue, WorkTracker } from './conformance/tracked-task-queue.conformance';
import { inlineFollowUps } from './inline-continuation';
import { TypeormEngineRuntime } from './typeorm-engine-runtime';

// The engine conformance suite as the product wires the engine (bamboo.providers.ts): first polls
// run inside their execute step (FollowUpPort.runsInStep), and trivial steps and finished
// activities commit with the next node (deferTrivialCommits, on by default).
let dataSource: BambooDataSource;
beforeAll(async () => {
  dataSource = await createBambooDataSource({ database: { kind: 'sqlite', path: ':memory:' } }).initialize();
});
afterAll(() => dataSource?.destroy());

interface ProductNode {
  harness: DurableHarness;
  runtime: TypeormEngineRuntime;
}

async function productNode(catalog: ComponentCatalog, settings?: Partial<EngineSettings>): Promise<ProductNode> {
  const tracker = new WorkTracker(new FakeClock());
  const queue = new TrackedTaskQueue(new InProcessTaskQueue(), tracker);
  const runtime = new TypeormEngineRuntime({ dataSource, queue, clock: tracker.clock });
  await runtime.start();
  const engine = new Engine({
    runtime,
    catalog,
    clock: tracker.clock,
    ids: runtime.ids,
    logger: runtime.nodeLogger(),
    settings,
    followUps: inlineFollowUps,
  });
  const worker = new EngineWorker({ engine, queue, concurrency: 4 });
  await worker.start();
  return { harness: new DurableHarness([{ runtime, engine, worker, queue }], tracker), runtime };
}

describeEngineConformance(
  'SQLite + in-process queue, as the product wires the engine',
  async ({ catalog, settings }) => (await productNode(catalog, settings)).harness,
);

/** start → eg → a → end (eg's other branch: the default flow to end). */
function gatewayTree(): TreeKit {
  const k = new TreeKit().start().gateway('eg', 'ExclusiveGateway').act('a', 'echo').end();
  k.chain('start', 'eg').flow('eg', 'a', { condition: '1 == 1' }).flow('eg', 'end', { isDefault: true });
  return k.chain('a', 'end');
}

/** Calls `onRead` once, right after a step read node `readOf`; returns the nodes read, in order. */
function raceAfterRead(h: DurableHarness, runtime: TypeormEngineRuntime, readOf: string, onRead: () => Promise<void>) {
  const load = runtime.loadExecuteStep.bind(runtime);
  const reads: string[] = [];
  let raced = false;
  jest.spyOn(runtime, 'loadExecuteStep').mockImplementation(async (processId, nodeId) => {
    reads.push(nodeId);
    const snapshot = await load(processId, nodeId);
    if (nodeId === readOf && !raced) {
      raced = true;
      await onRead();
    }
    return snapshot;
  });
  return reads;
}

describe('deferred commits of trivial steps', () => {
  it('a start event and an exclusive gateway commit with the next node', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const commits = jest.spyOn(runtime, 'commit');
    const k = gatewayTree();
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('eg')]: 'FINISHED' });
    // a's entry (with start and eg), a's result, the end event: 3 commits instead of 5.
    expect(commits).toHaveBeenCalledTimes(3);
    await h.close();
  });

  it('an entry lost after deferred steps is decided again from the first of them', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const k = gatewayTree();
    const tree = k.build();
    // A pause is booked on `a` right after its step read it: the commit carrying the start event,
    // the gateway and a's entry loses, and the second try stops the process before `a`.
    const load = runtime.loadExecuteStep.bind(runtime);
    let booked = false;
    const reads: string[] = [];
    jest.spyOn(runtime, 'loadExecuteStep').mockImplementation(async (processId, nodeId) => {
      reads.push(nodeId);
      const snapshot = await load(processId, nodeId);
      if (nodeId === k.id('a') && !booked) {
        booked = true;
        await h.engine.pauseNodeAppoint(k.id('a'));
      }
      return snapshot;
    });
    const echoes = serviceCalls['echo'] ?? 0;
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(booked).toBe(true);
    // The lost commit sent the task back to the start event, not to `a`.
    expect(reads.slice(0, 6)).toEqual(['start', 'eg', 'a', 'start', 'eg', 'a'].map((name) => k.id(name)));
    expect(await stateNames(h, tree.id)).toMatchObject({
      [k.id('start')]: 'FINISHED',
      [k.id('eg')]: 'FINISHED',
      [k.id('a')]: 'SUSPENDED',
    });
    await h.engine.resumeNodeAppoint(k.id('a'));
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('a')]: 'FINISHED' });
    expect((serviceCalls['echo'] ?? 0) - echoes).toBe(1);
    await h.close();
  });
});

describe('an activity result committed with the next node', () => {
  /** start → a → b → end, both activities echo. */
  function twoActivities(): TreeKit {
    return new TreeKit().start().act('a', 'echo').act('b', 'echo').end().chain('start', 'a', 'b', 'end');
  }

  it('a’s result rides with b’s entry: 4 commits instead of 5', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const commits = jest.spyOn(runtime, 'commit');
    const k = twoActivities();
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({
      [tree.id]: 'FINISHED',
      [k.id('a')]: 'FINISHED',
      [k.id('b')]: 'FINISHED',
    });
    // start + a's entry; a's result + b's entry; b's result (the end event reads the context); the end.
    expect(commits).toHaveBeenCalledTimes(4);
    await h.close();
  });

  it('a pause booked on b after its read: a’s result commits alone and b’s entry is decided again', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const k = twoActivities();
    const tree = k.build();
    const reads = raceAfterRead(h, runtime, k.id('b'), () => h.engine.pauseNodeAppoint(k.id('b')));
    const echoes = serviceCalls['echo'] ?? 0;
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(reads.filter((id) => id === k.id('b'))).toHaveLength(2);
    expect(await stateNames(h, tree.id)).toMatchObject({ [k.id('a')]: 'FINISHED', [k.id('b')]: 'SUSPENDED' });
    expect((serviceCalls['echo'] ?? 0) - echoes).toBe(1);
    await h.engine.resumeNodeAppoint(k.id('b'));
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect((serviceCalls['echo'] ?? 0) - echoes).toBe(2);
    await h.close();
  });

  it('a forced fail of a before its result commits: the result is discarded and b never starts', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const k = twoActivities();
    const tree = k.build();
    raceAfterRead(h, runtime, k.id('b'), () => h.engine.forcedFailActivity(k.id('a'), 'operator'));
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states).toMatchObject({ [tree.id]: 'RUNNING', [k.id('a')]: 'FAILED' });
    expect(states[k.id('b')]).toBeUndefined();
    expect(await outputsOf(h, k.id('a'))).toMatchObject({ ex_data: 'operator', _forced_failed: true });
    await h.close();
  });
});

describe('a finished schedule step carried on in the same job', () => {
  /** start → w (waits for a callback) → b → end. */
  function callbackThenEcho(): TreeKit {
    return new TreeKit().start().act('w', 'wait_callback').act('b', 'echo').end().chain('start', 'w', 'b', 'end');
  }

  async function waitingAtW(h: DurableHarness, k: TreeKit) {
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [k.id('w')]: 'RUNNING' });
    return { tree, version: (await h.engine.getNodeState(k.id('w'))).version };
  }

  const lockOf = (nodeId: string) =>
    dataSource.query<unknown[]>('SELECT scheduling FROM eri_schedule WHERE node_id = ?', [nodeId]);

  it('w’s result rides with b’s entry: 4 commits from the callback on instead of 5', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const k = callbackThenEcho();
    const { tree, version } = await waitingAtW(h, k);
    const commits = jest.spyOn(runtime, 'commit');
    await h.engine.callback(k.id('w'), version, { ok: true });
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    // The callback data; w's result with b's entry; b's result (the end event reads the context); the end.
    expect(commits).toHaveBeenCalledTimes(4);
    await h.close();
  });

  it('a forced fail of w before its result commits: the result is discarded, the lock released, b never starts', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const k = callbackThenEcho();
    const { tree, version } = await waitingAtW(h, k);
    raceAfterRead(h, runtime, k.id('b'), () => h.engine.forcedFailActivity(k.id('w'), 'operator'));
    await h.engine.callback(k.id('w'), version, { ok: true });
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states).toMatchObject({ [tree.id]: 'RUNNING', [k.id('w')]: 'FAILED' });
    expect(states[k.id('b')]).toBeUndefined();
    expect(await outputsOf(h, k.id('w'))).toMatchObject({ ex_data: 'operator', _forced_failed: true });
    expect(await lockOf(k.id('w'))).toEqual([{ scheduling: 0 }]);
    await h.close();
  });

  it('a pause booked on b after its read: w’s result commits alone and hands the process to an execute task', async () => {
    const { harness: h, runtime } = await productNode(conformanceCatalog());
    const k = callbackThenEcho();
    const { tree, version } = await waitingAtW(h, k);
    raceAfterRead(h, runtime, k.id('b'), () => h.engine.pauseNodeAppoint(k.id('b')));
    const echoes = serviceCalls['echo'] ?? 0;
    await h.engine.callback(k.id('w'), version, { ok: true });
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [k.id('w')]: 'FINISHED', [k.id('b')]: 'SUSPENDED' });
    expect(await lockOf(k.id('w'))).toEqual([{ scheduling: 0 }]);
    await h.engine.resumeNodeAppoint(k.id('b'));
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('b')]: 'FINISHED' });
    expect((serviceCalls['echo'] ?? 0) - echoes).toBe(1);
    await h.close();
  });
});
