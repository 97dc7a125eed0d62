import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/** better-sqlite3's prepared statement, as much of it as `SqliteDirect` uses. */
interface PreparedStatement {
  readonly reader: boolean;
  raw(toggle: boolean): PreparedStatement;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

/** better-sqlite3's `Database`. */
interface SqliteDatabase {
  prepare(sql: string): PreparedStatement;
}

/** TypeORM's BetterSqlite3Driver, as much of it as `SqliteDirect` uses. */
interface BetterSqlite3Driver {
  readonly databaseConnection?: SqliteDatabase;
  createQueryRunner(mode: 'master'): QueryRunner;
}

/** Prepared statements kept per connection; past it the cache starts over. */
const MAX_STATEMENTS = 2000;

/**
 * What a statement gave: the rows of a read, each its values in the order of the select list, or
 * the rows a write changed.
 */
export type DirectResult = { rows: unknown[][] } | { affected: number };

/**
 * RawTable's statements on SQLite without TypeORM's per-statement wrapper (broadcaster events,
 * structured results, async hops): straight on the better-sqlite3 `Database` of the driver, one
 * prepared statement per SQL text. It is the driver's only connection and TypeORM's SQLite
 * transaction is a BEGIN on it, so a statement sent here while `dataSource.transaction` is open is
 * part of that transaction.
 *
 * Otherwise as BetterSqlite3QueryRunner.query: booleans bound as 1/0 (the one conversion it makes;
 * everything else has gone through the driver's preparePersistentValue), the statement handed to
 * the data source's logger before it runs (statement counters count it), a failure logged with
 * logQueryError and thrown as a QueryFailedError around the driver's SqliteError.
 */
export class SqliteDirect {
  private static readonly instances = new WeakMap<DataSource, SqliteDirect | null>();

  /** The direct path of `dataSource`, or undefined when its driver is not better-sqlite3. */
  static of(dataSource: DataSource): SqliteDirect | undefined {
    let direct = SqliteDirect.instances.get(dataSource);
    if (direct === undefined) {
      direct = dataSource.options.type === 'better-sqlite3' ? new SqliteDirect(dataSource) : null;
      SqliteDirect.instances.set(dataSource, direct);
    }
    return direct ?? undefined;
  }

  private database: SqliteDatabase | undefined;
  private statements = new Map<string, PreparedStatement>();

  private constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `sql`: a read returns its rows as arrays of values (better-sqlite3's raw mode: building
   * an object per row, one property at a time, cost more than the lookup itself; the step read of
   * a ServiceActivity, 2 rows of 46 columns, took 64 µs as objects and 26 µs as arrays), a write
   * the rows it changed.
   */
  execute(m: EntityManager, sql: string, params: readonly unknown[]): DirectResult {
    const driver = this.dataSource.driver as unknown as BetterSqlite3Driver;
    const bound = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    const runner = m.queryRunner ?? driver.createQueryRunner('master');
    const logger = this.dataSource.logger;
    logger.logQuery(sql, bound, runner);
    try {
      const statement = this.prepared(driver, sql);
      if (statement.reader) return { rows: statement.all(...bound) as unknown[][] };
      return { affected: statement.run(...bound).changes };
    } catch (error) {
      logger.logQueryError(error as Error, sql, bound, runner);
      throw new QueryFailedError(sql, bound, error as Error);
    }
  }

  private prepared(driver: BetterSqlite3Driver, sql: string): PreparedStatement {
    const database = driver.databaseConnection;
    if (!database) throw new Error('The SQLite data source is not connected');
    if (database !== this.database) {
      this.database = database;
      this.statements = new Map();
    }
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = database.prepare(sql);
      if (statement.reader) statement.raw(true);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
