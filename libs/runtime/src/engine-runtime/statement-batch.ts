import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { BATCHED_MARK } from './batched-mark';
import { PREFORMATTED, queryText, type ValueFormat } from '../persistence/mysql-query-text';
import { executeStatement, type Statement } from './raw-table';

export { BATCHED_MARK };

/** A write of a commit and what it expects of the database. */
export interface BatchedWrite extends Statement {
  /** The statement must match exactly one row, or the commit rolls back with this error. */
  readonly unlessOne?: () => Error;
  /** Sees the rows the statement matched, once it ran. */
  readonly observe?: (affected: number) => void;
  /** What to throw instead of this statement's error (a duplicate key that means a lost race). */
  readonly mapError?: (error: unknown) => unknown;
}

/**
 * The writes of one commit, in order. `add` runs the write and checks it at once (SQLite) or
 * queues it (MySQL, where the batch's transaction runs and checks it all). Either way the commit
 * fails with the error of its first failing write, and a write's `observe` has seen its rows once
 * the transaction committed.
 */
export interface StatementBatch {
  /** false when writes are queued: the caller may then send no statement past the batch. */
  readonly immediate: boolean;
  add(write: BatchedWrite): Promise<void>;
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
    if (write.unlessOne && affected !== 1) throw write.unlessOne();
    write.observe?.(affected);
  }
}

/** mysql2's callback connection, as much of it as the batch uses. */
interface MysqlConnection {
  readonly config: ValueFormat;
  query(
    sql: string,
    values: readonly unknown[],
    callback: (error: Error | null) => void,
  ): { on(event: 'result', listener: (header: { affectedRows?: unknown }) => void): unknown };
}

/**
 * A batch's estimated size above which it is sent before taking another write: one packet must
 * stay under the server's max_allowed_packet (16 MiB by default on MariaDB and MySQL 8).
 */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Right after a write that must match one row: fails with ER_SUBQUERY_NO_1_ROW (1242) unless the
 * write matched exactly one (ROW_COUNT() counts matched rows: mysql2 connects with
 * CLIENT_FOUND_ROWS), so that the server stops before the batch's COMMIT. Plain SQL, as MySQL
 * has no SIGNAL outside stored programs; it answers with an OK packet, like the writes.
 */
const ONE_ROW_GUARD = failWhen('ROW_COUNT() <> 1');
const ER_SUBQUERY_NO_1_ROW = 1242;

/**
 * A statement that fails with ER_SUBQUERY_NO_1_ROW when `condition` holds (its subquery then
 * returns two rows), and otherwise does nothing: the batch's way to stop before COMMIT.
 */
function failWhen(condition: string): string {
  return `SET @bamboo_guard = (SELECT 1 UNION ALL SELECT 2 FROM DUAL WHERE ${condition})`;
}

/**
 * A write for a queued (MySQL) batch that fails with `error()` when `select` finds a row: a read
 * the transaction depends on, checked in its one round trip. ONE_ROW_GUARD's subquery, on EXISTS;
 * the server stops there, before the later writes and COMMIT.
 */
export function noRowGuard(select: Statement, error: () => Error): BatchedWrite {
  return {
    sql: failWhen(`EXISTS (${select.sql})`),
    params: select.params,
    mapError: (failure) =>
      failure instanceof QueryFailedError &&
      (failure.driverError as { errno?: unknown } | undefined)?.errno === ER_SUBQUERY_NO_1_ROW
        ? error()
        : failure,
  };
}

/** What a statement of a batch is there for. */
type Part =
  { kind: 'write'; write: BatchedWrite } | { kind: 'guard'; unlessOne: () => Error } | { kind: 'transaction' };

/**
 * MySQL/MariaDB: a commit in one round trip. START TRANSACTION, the writes, each conditional one
 * followed by its ONE_ROW_GUARD, and COMMIT go to the server as one multi-statement text
 * (`multipleStatements`, see bamboo-data-source.ts). The server stops at the first statement that
 * fails, before COMMIT: the transaction is then rolled back with a second round trip and the
 * failure thrown as statement-by-statement execution would have (a failed guard as its write's
 * `unlessOne`, a failed write as its driver error, mapped). A batch above MAX_BATCH_BYTES goes in
 * several round trips, the last with COMMIT.
 *
 * Every statement goes to the data source's logger (so `bamboo_sql_statements_total` and the
 * statement-count specs count each, guards included), the second and later of a round trip
 * ending with BATCHED_MARK. TypeORM's query subscribers and slow-query logging are not involved:
 * the runtime uses neither.
 */
export class MysqlBatch implements StatementBatch {
  readonly immediate = false;
  private queued: BatchedWrite[] = [];
  private queuedBytes = 0;
  /** Whether START TRANSACTION was sent; then, unless committed, a failure needs a ROLLBACK. */
  began = false;
  committed = false;
  /** Conditional writes counted so far (`countedChecks`). */
  private counted = 0;

  /**
   * `countedChecks`: instead of a guard after every conditional write, each such UPDATE counts the
   * rows it matched into a session variable and one guard before COMMIT checks the total (each
   * is by a unique key, so matches at most one row: the total is right only if all matched). Cheaper
   * by one statement per conditional write, but a failure no longer says which write missed: for
   * commit groups, whose failure makes every member commit again alone (with a guard each).
   */
  constructor(
    private readonly runner: QueryRunner,
    private readonly countedChecks = false,
    private readonly readCommitted = false,
  ) {}

  async add(write: BatchedWrite): Promise<void> {
    const bytes = sizeOf(write);
    if (this.queued.length > 0 && this.queuedBytes + bytes > MAX_BATCH_BYTES) await this.send(false);
    this.queued.push(write);
    this.queuedBytes += bytes;
  }

  /** Sends what is queued and COMMIT; nothing at all when the transaction wrote nothing. */
  commit(): Promise<void> {
    return this.send(true);
  }

  private async send(commit: boolean): Promise<void> {
    const writes = this.queued;
    if (writes.length === 0 && !(commit && this.began)) return;
    this.queued = [];
    this.queuedBytes = 0;
    const statements: Statement[] = [];
    const parts: Part[] = [];
    const push = (statement: Statement, part: Part) => {
      statements.push(statement);
      parts.push(part);
    };
    if (!this.began) {
      if (this.readCommitted) {
        push({ sql: 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED', params: [] }, { kind: 'transaction' });
      }
      push({ sql: 'START TRANSACTION', params: [] }, { kind: 'transaction' });
      if (this.countedChecks) push({ sql: 'SET @bamboo_matched = 0', params: [] }, { kind: 'transaction' });
    }
    this.began = true;
    for (const write of writes) {
      const counting = this.countedChecks && write.unlessOne ? countingMatches(write) : undefined;
      if (counting) {
        this.counted += 1;
        push(counting, { kind: 'write', write });
      } else {
        push(write, { kind: 'write', write });
        if (write.unlessOne) push({ sql: ONE_ROW_GUARD, params: [] }, { kind: 'guard', unlessOne: write.unlessOne });
      }
    }
    if (commit && this.counted > 0) {
      const guard = failWhen(`@bamboo_matched <> ${this.counted}`);
      const missed = () => new Error('a conditional write of the commit group matched no row');
      push({ sql: guard, params: [] }, { kind: 'guard', unlessOne: missed });
    }
    if (commit) push({ sql: 'COMMIT', params: [] }, { kind: 'transaction' });
    const texts = statements.map(({ sql }, i) => (i === 0 ? sql : `${sql} ${BATCHED_MARK}`));
    const { affected, error } = await this.roundTrip(texts, statements);
    parts.forEach((part, i) => {
      if (part.kind === 'write' && i < affected.length) part.write.observe?.(affected[i]!);
    });
    if (error === undefined) {
      this.committed = commit;
      return;
    }
    const failed = parts[affected.length];
    const driverError = new QueryFailedError(texts[affected.length] ?? '', statements[affected.length]?.params, error);
    if (failed?.kind === 'guard' && (error as { errno?: unknown }).errno === ER_SUBQUERY_NO_1_ROW) {
      throw failed.unlessOne();
    }
    throw failed?.kind === 'write' && failed.write.mapError ? failed.write.mapError(driverError) : driverError;
  }

  /** One round trip; the affected rows of the statements that succeeded, and the failure if any. */
  private async roundTrip(
    texts: readonly string[],
    statements: readonly Statement[],
  ): Promise<{ affected: number[]; error?: Error }> {
    const connection = (await this.runner.connect()) as MysqlConnection;
    const logger = this.runner.dataSource.logger;
    const affected: number[] = [];
    const text = queryText(statements, connection.config, BATCHED_MARK);
    const error = await new Promise<Error | null>((resolve) => {
      connection.query(text, PREFORMATTED, resolve).on('result', (header) => {
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

/** countingMatches' texts by the original text (null: not an UPDATE it can count). */
const COUNTING_TEXTS = new Map<string, string | null>();

/**
 * The UPDATE with one more assignment that adds the rows it matches to `@bamboo_matched` (MySQL
 * evaluates SET expressions once per matched row, changed or not, as CLIENT_FOUND_ROWS counts);
 * the assignment sets `id` to itself. Undefined for a statement of another shape, which keeps its
 * own guard.
 */
function countingMatches({ sql, params }: Statement): Statement | undefined {
  let counting = COUNTING_TEXTS.get(sql);
  if (counting === undefined) {
    const where = sql.indexOf(' WHERE ');
    const count = ', `id` = IF((@bamboo_matched := @bamboo_matched + 1) IS NULL, `id`, `id`)';
    counting = sql.startsWith('UPDATE ') && where >= 0 ? sql.slice(0, where) + count + sql.slice(where) : null;
    // RawTable's texts come in a bounded number of shapes; the cache is cleared should it grow.
    if (COUNTING_TEXTS.size >= 1000) COUNTING_TEXTS.clear();
    COUNTING_TEXTS.set(sql, counting);
  }
  return counting === null ? undefined : { sql: counting, params };
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
 * `work` in one MySQL transaction whose writes travel in a `MysqlBatch`: usually one round trip
 * (START TRANSACTION … COMMIT), a second one, ROLLBACK, after a failure (as TypeORM's
 * `transaction` does), none without writes. The error is rethrown as is, so that a lock conflict
 * is retried.
 */
export async function batchedTransaction<T>(
  dataSource: DataSource,
  work: (m: EntityManager, batch: StatementBatch) => Promise<T>,
  options: { countedChecks?: boolean; readCommitted?: boolean } = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const batch = new MysqlBatch(runner, options.countedChecks, options.readCommitted);
  try {
    const result = await work(runner.manager, batch);
    await batch.commit();
    return result;
  } catch (error) {
    // After a deadlock the server rolled back already; ROLLBACK is then a harmless no-op.
    if (batch.began && !batch.committed) await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
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
