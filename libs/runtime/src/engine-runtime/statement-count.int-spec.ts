import { TEST_REDIS_URL, createTestDatabase, dropTestDatabase, randomQueuePrefix } from '@bamboo/testing';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { BullTaskQueue } from '../queue/bull-task-queue';
import {
  StatementCounter,
  countCallback,
  countPerServiceActivity,
  countSubmission,
} from './conformance/statement-counter.conformance';

// The same count on MariaDB + Bull (see statement-count.spec.ts):
//   npx jest --selectProjects integration --runInBand -- libs/runtime/src/engine-runtime/statement-count.int-spec.ts
const counter = new StatementCounter();
let database: { name: string; url: string };
let dataSource: BambooDataSource;
/** A Bull queue on a prefix of its own (one scenario's jobs never meet another's). */
const freshBullQueue = () => new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix: randomQueuePrefix('count') });

beforeAll(async () => {
  database = await createTestDatabase('count');
  dataSource = await createBambooDataSource(
    { database: { kind: 'mysql', flavor: 'mariadb', url: database.url, poolSize: 5 } },
    { overrides: { logger: counter } },
  ).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  if (database) await dropTestDatabase(database.name);
});

describe('statements per executed ServiceActivity (MariaDB + Bull, steady state)', () => {
  it.each(['plain', 'referencing', 'polled once'] as const)('%s', async (shape) => {
    const prefix = randomQueuePrefix('count');
    const queue = () => new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix });
    const counts = await countPerServiceActivity(dataSource, counter, queue, shape);
    console.log(`MariaDB, ${shape}:`, JSON.stringify(counts, null, 1));
    expect(counts.queueAdds).toBe(0);
    // SQLite's 7 (8), plus a one-row guard after each of the two conditional writes.
    // The first poll runs in the execute step; its schedule, finished there, is not stored.
    const extra = shape === 'referencing' ? 1 : 0;
    expect(counts.statements).toBe(9 + extra);
    // One SELECT (two with the reference) and one commit, START TRANSACTION … COMMIT in one.
    expect(counts.roundTrips).toBe(shape === 'referencing' ? 3 : 2);
    expect(counts.byKind).toEqual({
      SELECT: 1,
      ...(shape === 'referencing' ? { 'SELECT eri_context_value': 1 } : {}),
      BEGIN: 1,
      '+UPDATE eri_state': 1,
      '+INSERT eri_state': 1,
      '+UPDATE eri_process': 1,
      '+SET': 2,
      '+INSERT eri_execution_data': 1,
      '+COMMIT': 1,
    });
  });

  it('one callback: one read, then the callback data in a one-round-trip transaction', async () => {
    const statements = await countCallback(dataSource, counter, freshBullQueue);
    console.log('MariaDB callback:', statements);
    expect(statements).toEqual(['SELECT', 'BEGIN', '+INSERT eri_callback_data', '+COMMIT']);
  });

  it("a callback's schedule step: the lock and the read in one round trip, then one commit", async () => {
    const statements = await countCallback(dataSource, counter, freshBullQueue, 'schedule');
    console.log('MariaDB callback schedule step:', statements);
    expect(statements).toEqual([
      // The schedule lock and the step's read: one round trip (lockAndLoadScheduleStep).
      'UPDATE eri_schedule',
      '+SELECT',
      // The node finishes, its lock released and the callback data consumed, in one commit.
      'BEGIN',
      '+UPDATE eri_state',
      '+SET',
      '+INSERT eri_execution_data',
      '+UPDATE eri_process',
      '+SET',
      '+UPDATE eri_schedule',
      '+UPDATE eri_callback_data',
      '+COMMIT',
      // The end event: its step's read and its commit, which finishes the pipeline.
      'SELECT',
      'BEGIN',
      '+INSERT eri_state',
      '+UPDATE eri_state',
      '+SET',
      '+INSERT eri_execution_data',
      '+UPDATE eri_process',
      '+SET',
      '+COMMIT',
    ]);
  });

  it('one submission: the whole run in one transaction', async () => {
    const statements = await countSubmission(dataSource, counter, freshBullQueue);
    console.log('submission:', statements);
    // One round trip: the refusal of taken ids is a guard in the batch (RunDefinitionStore.prepare),
    // in a READ COMMITTED transaction (no gap locks between concurrent submissions).
    expect(statements).toEqual([
      'SET TRANSACTION',
      '+BEGIN',
      '+SET',
      '+INSERT eri_node',
      '+INSERT eri_data',
      '+INSERT eri_context_value',
      '+INSERT eri_context_outputs',
      '+INSERT eri_state',
      '+INSERT bamboo_pipeline_instance',
      '+INSERT eri_process',
      '+COMMIT',
    ]);
  });
});
