import { FakeClock, describeEngineConformance } from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableHarness, startDurableNode } from '../engine-runtime/conformance/durable-harness.conformance';
import { WorkTracker } from '../engine-runtime/conformance/tracked-task-queue.conformance';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import { DuplicatingTaskQueue } from './duplicating-task-queue';

// The whole engine conformance suite (states, outputs, per-attempt component call counts) on the
// durable runtime, with every execute and schedule message delivered twice.
const directory = mkdtempSync(join(tmpdir(), 'bamboo-duplicates-'));
let dataSource: BambooDataSource;
const queues: DuplicatingTaskQueue[] = [];

beforeAll(async () => {
  dataSource = await createBambooDataSource({
    database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
  }).initialize();
});

afterAll(async () => {
  // The doubling really happened: otherwise the suite would prove nothing about duplicates.
  expect(queues.reduce((sum, queue) => sum + queue.duplicates, 0)).toBeGreaterThan(100);
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

describeEngineConformance('SQLite + in-process queue, every message delivered twice', async ({ catalog, settings }) => {
  const tracker = new WorkTracker(new FakeClock());
  const queue = new DuplicatingTaskQueue(new InProcessTaskQueue(), () => tracker.inFlight++);
  queues.push(queue);
  // Spread: the rollback blocks' settings reach the node where the harness accepts them.
  // Follow-ups go through the queue too, so that every one of them is delivered twice.
  const node = await startDurableNode({ dataSource, queue, tracker, catalog, inlineFollowUps: 0, ...{ settings } });
  return new DurableHarness([node], tracker);
});
