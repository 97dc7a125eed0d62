import { Engine, type ComponentCatalog, type EngineSettings } from '@bamboo/engine';
import {
  FakeClock,
  TreeKit,
  conformanceCatalog,
  describeEngineConformance,
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
// are claimed by the worker job (FollowUpPort), so their schedules are created locked and the poll
// neither locks nor reads again; trivial steps commit with the next node (deferTrivialCommits, on
// by default).
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
