import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import {
  StatementCounter,
  countCallback,
  countPerServiceActivity,
  countSubmission,
} from './conformance/statement-counter.conformance';

// ARCHITECTURE.md "few round trips": the SQL statements and queue operations of one executed
// ServiceActivity, counted through TypeORM's logger. Print them with:
//   npx jest --selectProjects unit -- libs/runtime/src/engine-runtime/statement-count.spec.ts
const directory = mkdtempSync(join(tmpdir(), 'bamboo-count-'));
const counter = new StatementCounter();
let dataSource: BambooDataSource;

beforeAll(async () => {
  dataSource = await createBambooDataSource(
    { database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') } },
    { overrides: { logger: counter } },
  ).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

describe('statements per executed ServiceActivity (SQLite, steady state)', () => {
  // One read, then one transaction: the node's RUNNING entry carries the previous node's result
  // (ExecuteRunner: an activity's result waits for the next node's first commit).
  it.each(['plain', 'referencing', 'polled once'] as const)('%s', async (shape) => {
    const counts = await countPerServiceActivity(dataSource, counter, () => new InProcessTaskQueue(), shape);
    console.log(`SQLite, ${shape}:`, JSON.stringify(counts, null, 1));
    expect(counts.queueAdds).toBe(0);
    // The first poll runs in the execute step; its schedule, finished there, is not stored.
    const extra = shape === 'referencing' ? 1 : 0;
    expect(counts.statements).toBe(7 + extra);
    // In-process: no batches, every statement is its own (free) round trip.
    expect(counts.roundTrips).toBe(7 + extra);
    expect(counts.byKind).toEqual({
      SELECT: 1,
      ...(shape === 'referencing' ? { 'SELECT eri_context_value': 1 } : {}),
      BEGIN: 1,
      'UPDATE eri_state': 1,
      'INSERT eri_state': 1,
      'UPDATE eri_process': 1,
      'INSERT eri_execution_data': 1,
      COMMIT: 1,
    });
  });

  it('one callback: one read, then the callback data in one transaction', async () => {
    const statements = await countCallback(dataSource, counter, () => new InProcessTaskQueue());
    console.log('SQLite callback:', statements);
    expect(statements).toEqual(['SELECT', 'BEGIN', 'INSERT eri_callback_data', 'COMMIT']);
  });

  it('one submission: the whole run in one transaction', async () => {
    const statements = await countSubmission(dataSource, counter, () => new InProcessTaskQueue());
    console.log('submission:', statements);
    expect(statements).toEqual([
      'BEGIN',
      'SELECT eri_state',
      'INSERT eri_node',
      'INSERT eri_data',
      'INSERT eri_context_value',
      'INSERT eri_context_outputs',
      'INSERT eri_state',
      'INSERT bamboo_pipeline_instance',
      'INSERT eri_process',
      'COMMIT',
    ]);
  });
});
