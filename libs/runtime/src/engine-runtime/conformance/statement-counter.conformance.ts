import { FakeClock, TreeKit, conformanceCatalog, plain, splice } from '@bamboo/testing';
import type { Logger as TypeormLogger } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { TaskQueue } from '../../queue/task-queue';
import { BATCHED_MARK } from '../statement-batch';
import { DurableHarness, startDurableNode } from './durable-harness.conformance';
import { WorkTracker } from './tracked-task-queue.conformance';

/**
 * A TypeORM logger that counts every statement sent to the database, by kind. A statement that
 * travelled in the same round trip as the one before it (a MySQL batch) is marked `+`.
 */
export class StatementCounter implements TypeormLogger {
  counting = false;
  readonly statements: string[] = [];

  logQuery(query: string): void {
    if (this.counting) this.statements.push((query.endsWith(BATCHED_MARK) ? '+' : '') + kindOf(query));
  }
  /** The statements `work` sends, when it succeeds or fails. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    this.statements.length = 0;
    this.counting = true;
    try {
      await work();
    } finally {
      this.counting = false;
    }
    return [...this.statements];
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** `SELECT eri_state`, `UPDATE eri_process`, `BEGIN`, `SET`… */
function kindOf(query: string): string {
  const sql = query.replace(/\s+/g, ' ').trim();
  const verb = sql.split(' ')[0]!.toUpperCase();
  if (/^SET TRANSACTION /i.test(sql)) return 'SET TRANSACTION';
  // A commit's one-row guard (`SET @bamboo_guard = (SELECT … FROM DUAL …)`) is a plain SET.
  const table = verb === 'SET' ? undefined : /(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb === 'START' ? 'BEGIN' : verb;
}

export interface PerNodeCounts {
  statements: number;
  /** Statements that opened a round trip (not `+`). */
  roundTrips: number;
  queueAdds: number;
  byKind: Record<string, number>;
}

/**
 * Statements and queue adds per executed ServiceActivity in steady state: the difference between
 * runs of 30 and 10 sequential nodes, divided by 20 (start, end and the first dispatch cancel out).
 * `plain` and `referencing` nodes run an echo component (with a constant or a `${x}` input);
 * `polled once` nodes execute and finish at their first poll, like the benchmarks' `debug_node`.
 */
export async function countPerServiceActivity(
  dataSource: DataSource,
  counter: StatementCounter,
  makeQueue: () => TaskQueue,
  shape: 'plain' | 'referencing' | 'polled once',
): Promise<PerNodeCounts> {
  const referencing = shape === 'referencing';
  const run = async (n: number) => {
    const tracker = new WorkTracker(new FakeClock());
    const queue = makeQueue();
    let adds = 0;
    const add = queue.add.bind(queue);
    queue.add = (...args) => {
      adds += 1;
      return add(...args);
    };
    const node = await startDurableNode({ dataSource, queue, tracker, catalog: conformanceCatalog() });
    const harness = new DurableHarness([node], tracker);
    const k = new TreeKit().start();
    const names = Array.from({ length: n }, (_, i) => `n${i}`);
    for (const name of names) {
      if (shape === 'polled once') k.act(name, 'poll', { times: plain(1) });
      else k.act(name, 'echo', { v: referencing ? splice('${x}') : plain(1) });
    }
    const tree = k
      .end()
      .chain('start', ...names, 'end')
      .vars({ '${x}': plain('x') })
      .build();
    counter.statements.length = 0;
    counter.counting = true;
    await harness.engine.runPipeline(tree);
    await harness.runUntilIdle();
    counter.counting = false;
    await harness.close();
    return { statements: [...counter.statements], adds };
  };
  const small = await run(10);
  const large = await run(30);
  const tally = (list: string[]) => list.reduce<Record<string, number>>((t, k) => ({ ...t, [k]: (t[k] ?? 0) + 1 }), {});
  const [a, b] = [tally(small.statements), tally(large.statements)];
  const byKind: Record<string, number> = {};
  for (const kind of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const per = ((b[kind] ?? 0) - (a[kind] ?? 0)) / 20;
    if (per !== 0) byKind[kind] = per;
  }
  const trips = (list: string[]) => list.filter((kind) => !kind.startsWith('+')).length;
  return {
    statements: (large.statements.length - small.statements.length) / 20,
    roundTrips: (trips(large.statements) - trips(small.statements)) / 20,
    queueAdds: (large.adds - small.adds) / 20,
    byKind,
  };
}

/** One durable node with the conformance catalog on `dataSource`. */
async function startHarness(dataSource: DataSource, makeQueue: () => TaskQueue): Promise<DurableHarness> {
  const tracker = new WorkTracker(new FakeClock());
  const node = await startDurableNode({ dataSource, queue: makeQueue(), tracker, catalog: conformanceCatalog() });
  return new DurableHarness([node], tracker);
}

/**
 * The statements of one `Engine.callback` to a waiting node (`accept`, the schedule it dispatches
 * not run), or of that schedule step and what follows it in its task (`schedule`: the node
 * finishes, the end event runs and finishes the pipeline).
 */
export async function countCallback(
  dataSource: DataSource,
  counter: StatementCounter,
  makeQueue: () => TaskQueue,
  part: 'accept' | 'schedule' = 'accept',
): Promise<string[]> {
  const harness = await startHarness(dataSource, makeQueue);
  const k = new TreeKit().start().act('n', 'wait_callback').end().chain('start', 'n', 'end');
  const tree = k.build();
  await harness.engine.runPipeline(tree);
  await harness.runUntilIdle();
  const [state] = await dataSource.query<Array<{ version: string }>>(
    'SELECT version FROM eri_state WHERE node_id = ?',
    [k.id('n')],
  );
  // The run definition is read (and cached) already, as in a process that served the run before.
  await harness.engine.getPipelineStates(tree.id);
  const accepted = await counter.during(() => harness.engine.callback(k.id('n'), state!.version, { ok: true }));
  const scheduled = await counter.during(() => harness.runUntilIdle());
  await harness.close();
  return part === 'accept' ? accepted : scheduled;
}

/** The statements of one `Engine.runPipeline` of a run with two activities (its first step not run). */
export async function countSubmission(
  dataSource: DataSource,
  counter: StatementCounter,
  makeQueue: () => TaskQueue,
): Promise<string[]> {
  const harness = await startHarness(dataSource, makeQueue);
  const k = new TreeKit()
    .start()
    .act('a', 'echo', { v: splice('${x}') })
    .act('b', 'echo', { v: plain(1) })
    .end();
  const tree = k
    .chain('start', 'a', 'b', 'end')
    .vars({ '${x}': plain('x') })
    .build();
  const statements = await counter.during(() => harness.engine.runPipeline(tree));
  await harness.runUntilIdle();
  await harness.close();
  return statements;
}
