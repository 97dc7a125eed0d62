import { Engine } from '@bamboo/engine';
import { FakeClock, describeEngineConformance } from '@bamboo/testing';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import { EngineWorker } from '../worker/engine-worker';
import { DurableHarness } from './conformance/durable-harness.conformance';
import { TrackedTaskQueue, WorkTracker } from './conformance/tracked-task-queue.conformance';
import { inlineFollowUps } from './inline-continuation';
import { TypeormEngineRuntime } from './typeorm-engine-runtime';

// The engine conformance suite as the product wires the engine (bamboo.providers.ts): first polls
// are claimed by the worker job (FollowUpPort), so their schedules are created locked and the poll
// neither locks nor reads again.
let dataSource: BambooDataSource;
beforeAll(async () => {
  dataSource = await createBambooDataSource({ database: { kind: 'sqlite', path: ':memory:' } }).initialize();
});
afterAll(() => dataSource?.destroy());

describeEngineConformance('SQLite + in-process queue, first polls claimed', async ({ catalog, settings }) => {
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
  return new DurableHarness([{ runtime, engine, worker, queue }], tracker);
});
