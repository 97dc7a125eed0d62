import { FakeClock, describeEngineConformance } from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import { DurableHarness, startDurableNode } from './conformance/durable-harness.conformance';
import { WorkTracker } from './conformance/tracked-task-queue.conformance';

// One SQLite file (WAL) for the whole file: scenario trees carry globally unique ids.
const directory = mkdtempSync(join(tmpdir(), 'bamboo-conformance-'));
let dataSource: BambooDataSource;

beforeAll(async () => {
  dataSource = await createBambooDataSource({
    database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
  }).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

describeEngineConformance('SQLite + in-process queue', async ({ catalog, settings }) => {
  const tracker = new WorkTracker(new FakeClock());
  const node = await startDurableNode({ dataSource, queue: new InProcessTaskQueue(), tracker, catalog, settings });
  return new DurableHarness([node], tracker);
});
