import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { executeStatement, type Statement } from './raw-table';

/**
 * Trailing comment of a statement sent in the same round trip as the one before it (a MySQL
 * multi-statement batch). Statement counters count it as a statement but not as a round trip; it
 * is in the SQL text, as the server's logs then show which statements travelled together.
 */
export const BATCHED_MARK = '/* bamboo:batched */';

/** A write of a commit and what it expects of the database. */
export interface BatchedWrite extends Statement {
  /** Sees the rows the statement matched, in statement order; throws to roll the commit back. */
  readonly check?: (affected: number) => void;
  /** What to throw instead of this statement's error (a duplicate key that means a lost race). */
  readonly mapError?: (error: unknown) => unknown;
}

/**
 * The writes of one commit. `add` runs the write (SQLite) or queues it (MySQL); `flush` makes
 * sure every write added so far ran and passed its check. Either way a failure surfaces before
 * `flush` returns, in statement order, so a caller awaits `add` and then `flush` and reads its
 * checks' findings after the flush.
 */
export interface StatementBatch {
  /** false when writes wait for `flush`: the caller may then only send statements through it. */
  readonly immediate: boolean;
  add(write: BatchedWrite): Promise<void>;
  flush(): Promise<void>;
}

/**
 * One statement per round trip, each checked as soon as it returns: SQLite (in-process, a round
 * trip costs nothing) and the rare commits that also run query-builder statements.
 */
export class ImmediateBatch implements StatementBatch {
  readonly immediate = true;

  constructor(private readonly m: EntityManager) {}

  async add(write: BatchedWrite): Promise<void> {
    let affected: number;
    try {
      affected = await executeStatement(this.m, write);
    } catch (error) {
      throw write.mapError ? write.mapError(error) : error;
    }
    write.check?.(affected);
  }

  async flush(): Promise<void> {}
}

/** mysql2's callback connection, as much of it as the batch uses. */
interface MysqlConnection {
  query(
    sql: string,
    values: unknown[],
    callback: (error: Error | null) => void,
  ): { on(event: 'result', listener: (header: { affectedRows?: unknown }) => void): unknown };
}

/**
 * A batch's estimated size above which it is sent before taking another write: one packet must
 * stay under the server's max_allowed_packet (16 MiB by default on MariaDB and MySQL 8).
 */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * MySQL/MariaDB: the commit's writes, preceded by START TRANSACTION, go to the server as one
 * multi-statement text (`multipleStatements`, see bamboo-data-source.ts): one round trip instead
 * of one per statement. mysql2 reports every statement's affected rows; the server stops at the
 * first statement that fails, after which the checks of the statements before it run, then that
 * statement's error is thrown, in the same order as statement-by-statement execution would.
 *
 * Every statement goes to the data source's logger (so `bamboo_sql_statements_total` and the
 * statement-count specs count N statements for a batch of N), the second and later of a round
 * trip ending with BATCHED_MARK. TypeORM's query subscribers and slow-query logging are not
 * involved: the runtime uses neither.
 */
export class MysqlBatch implements StatementBatch {
  readonly immediate = false;
  private queued: BatchedWrite[] = [];
  private queuedBytes = 0;
  /** Whether START TRANSACTION was sent (first in the first round trip); then COMMIT or ROLLBACK. */
  began = false;

  constructor(private readonly runner: QueryRunner) {}

  async add(write: BatchedWrite): Promise<void> {
    const bytes = sizeOf(write);
    if (this.queued.length > 0 && this.queuedBytes + bytes > MAX_BATCH_BYTES) await this.flush();
    this.queued.push(write);
    this.queuedBytes += bytes;
  }

  async flush(): Promise<void> {
    const writes = this.queued;
    // A transaction without writes has no effect: nothing is sent at all.
    if (writes.length === 0) return;
    this.queued = [];
    this.queuedBytes = 0;
    const statements: Statement[] = this.began ? [] : [{ sql: 'START TRANSACTION', params: [] }];
    this.began = true;
    for (const write of writes) statements.push(write);
    const texts = statements.map(({ sql }, i) => (i === 0 ? sql : `${sql} ${BATCHED_MARK}`));
    const { affected, error } = await this.send(texts, statements);
    const offset = statements.length - writes.length;
    // The checks of the statements that ran, then the error of the one that failed, if any.
    for (let i = 0; i < affected.length - offset; i++) writes[i]!.check?.(affected[i + offset]!);
    if (error === undefined) return;
    const failed = affected.length;
    const driverError = new QueryFailedError(texts[failed] ?? '', statements[failed]?.params, error);
    const write = writes[failed - offset];
    throw write?.mapError ? write.mapError(driverError) : driverError;
  }

  /** One round trip; the affected rows of the statements that succeeded, and the failure if any. */
  private async send(
    texts: readonly string[],
    statements: readonly Statement[],
  ): Promise<{ affected: number[]; error?: Error }> {
    const connection = (await this.runner.connect()) as MysqlConnection;
    const logger = this.runner.dataSource.logger;
    const affected: number[] = [];
    const params = statements.flatMap((statement) => statement.params);
    const error = await new Promise<Error | null>((resolve) => {
      connection.query(texts.join(';\n'), params, resolve).on('result', (header) => {
        // A driver that does not report it would silently break every compare-and-set.
        affected.push(typeof header.affectedRows === 'number' ? header.affectedRows : Number.NaN);
      });
    });
    // Logged once the server answered: a statement after a failed one never ran and is not counted.
    const ran = error ? affected.length + 1 : affected.length;
    for (let i = 0; i < ran; i++) logger.logQuery(texts[i]!, statements[i]!.params, this.runner);
    if (error) {
      logger.logQueryError(error, texts[affected.length] ?? '', statements[affected.length]?.params, this.runner);
      return { affected, error };
    }
    if (affected.length !== statements.length || affected.some(Number.isNaN)) {
      throw new Error('The database driver did not report the affected rows of every batched statement');
    }
    return { affected };
  }
}

/** Roughly the bytes a write adds to the batch's packet (its text and its parameters). */
function sizeOf({ sql, params }: Statement): number {
  let bytes = sql.length;
  for (const value of params) {
    if (typeof value === 'string') bytes += value.length * 2;
    else if (Buffer.isBuffer(value)) bytes += value.length * 2;
    else bytes += 32;
  }
  return bytes;
}

/**
 * `work` in one MySQL transaction whose writes travel in a `MysqlBatch`: START TRANSACTION and
 * the writes in one round trip, COMMIT in a second (or ROLLBACK after a failure, as TypeORM's
 * `transaction` does); no round trip at all without writes. The error is rethrown as is, so that
 * a lock conflict is retried.
 */
export async function batchedTransaction<T>(
  dataSource: DataSource,
  work: (m: EntityManager, batch: StatementBatch) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const batch = new MysqlBatch(runner);
  try {
    try {
      const result = await work(runner.manager, batch);
      await batch.flush();
      if (batch.began) await runner.query('COMMIT');
      return result;
    } catch (error) {
      // After a deadlock the server rolled back already; ROLLBACK is then a harmless no-op.
      if (batch.began) await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/**
 * Whether commits on `dataSource` can be batched: MySQL or MariaDB with multi-statement texts
 * enabled (createBambooDataSource does; a host's own data source may not, and then keeps one
 * round trip per statement).
 */
export function supportsBatches(dataSource: DataSource): boolean {
  const { options } = dataSource;
  if (options.type !== 'mysql' && options.type !== 'mariadb') return false;
  const extra = options.extra as { multipleStatements?: unknown } | undefined;
  // mysql2 takes `extra` over the named option.
  return (extra?.multipleStatements ?? options.multipleStatements) === true;
}
