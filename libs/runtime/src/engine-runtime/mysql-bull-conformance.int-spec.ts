import {
  FakeClock,
  TEST_REDIS_URL,
  createTestDatabase,
  describeEngineConformance,
  dropTestDatabase,
  randomQueuePrefix,
} from '@bamboo/testing';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { BullTaskQueue } from '../queue/bull-task-queue';
import { DurableHarness, startDurableNode } from './conformance/durable-harness.conformance';
import { WorkTracker } from './conformance/tracked-task-queue.conformance';

// A fresh MariaDB database per file; per test a random Bull prefix and TWO worker nodes (each with
// its own Redis connections, runtime and engine) competing for the same queues.
let database: { name: string; url: string };
let dataSource: BambooDataSource;

beforeAll(async () => {
  database = await createTestDatabase('conformance');
  dataSource = await createBambooDataSource({
    database: { kind: 'mysql', flavor: 'mariadb', url: database.url, poolSize: 10 },
  }).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  if (database) await dropTestDatabase(database.name);
});

describeEngineConformance('MySQL + Bull, two worker nodes', async ({ catalog, settings }) => {
  const tracker = new WorkTracker(new FakeClock());
  const prefix = randomQueuePrefix('conformance');
  const nodes = [];
  for (let i = 0; i < 2; i++) {
    const queue = new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix });
    nodes.push(await startDurableNode({ dataSource, queue, tracker, catalog, settings }));
  }
  return new DurableHarness(nodes, tracker);
});
