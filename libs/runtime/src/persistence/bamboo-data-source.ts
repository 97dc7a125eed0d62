import { DataSource, type DataSourceOptions, MigrationExecutor } from 'typeorm';
import type { BambooDatabaseConfig } from '../config';
import { BAMBOO_ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { formatUnlessPreformatted } from './mysql-query-text';

export const MIGRATIONS_TABLE = 'bamboo_migrations';

// Several processes (api, N workers) start at once against one MySQL database: only one of them
// may apply migrations. A named lock serialises them; the others then find nothing pending.
const MIGRATION_LOCK = 'bamboo_migrations';
const MIGRATION_LOCK_WAIT_SECONDS = 120;

/**
 * SQLite WAL checkpoints (ADR 0004): every second from a timer instead of SQLite's default every
 * 1,000 pages from inside a commit. A checkpoint copies the WAL's pages into the database file and
 * syncs it; inside a commit it stalls the step that happened to cross the threshold, and at 1,000
 * pages a busy run checkpoints several times a second, rewriting the same hot pages each time
 * (embedded `long` benchmark: 1.66 → 1.55 s, medians of 3 alternating runs). The automatic checkpoint stays as a
 * backstop should the timer fall behind.
 */
export const SQLITE_CHECKPOINT_INTERVAL_MS = 1000;
const SQLITE_AUTOCHECKPOINT_PAGES = 10_000;

/** better-sqlite3's `Database`, as much of it as the checkpoint timer uses. */
interface SqliteConnection {
  readonly open: boolean;
  pragma(source: string): unknown;
}

export interface BambooDataSourceOptions {
  /** Apply pending migrations inside initialize() (default true). */
  readonly runMigrations?: boolean;
  /** Test-only escape hatches (e.g. logging); never `synchronize` outside tests. */
  readonly overrides?: Partial<DataSourceOptions>;
}

/**
 * A data source that applies pending migrations when it is initialised, so that every entry point
 * (apps, @nestjs/typeorm, the TypeORM CLI, tests) starts on an up-to-date schema.
 */
export class BambooDataSource extends DataSource {
  private checkpointTimer: NodeJS.Timeout | undefined;

  constructor(
    options: DataSourceOptions,
    private readonly runMigrationsOnInit: boolean,
  ) {
    super(options);
  }

  // SQLite only auto-increments an `INTEGER PRIMARY KEY` (which is 64-bit there), so the entities'
  // bigint keys are declared under that name for SQLite; MySQL keeps BIGINT.
  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    if (this.options.type !== 'better-sqlite3') return;
    for (const entity of this.entityMetadatas) {
      for (const column of entity.generatedColumns) {
        if (column.generationStrategy === 'increment' && column.type === 'bigint') column.type = 'integer';
      }
    }
  }

  override async initialize(): Promise<this> {
    await super.initialize();
    if (this.runMigrationsOnInit) {
      try {
        await applyPendingMigrations(this);
      } catch (error) {
        await this.destroy();
        throw error;
      }
    }
    this.startCheckpoints();
    return this;
  }

  override async destroy(): Promise<void> {
    clearInterval(this.checkpointTimer);
    this.checkpointTimer = undefined;
    await super.destroy();
  }

  /** The WAL checkpoint timer of a SQLite file database (see SQLITE_CHECKPOINT_INTERVAL_MS). */
  private startCheckpoints(): void {
    if (this.options.type !== 'better-sqlite3' || this.options.database === ':memory:') return;
    const connection = (this.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
    if (!connection) return;
    this.checkpointTimer = setInterval(() => {
      if (!connection.open) return clearInterval(this.checkpointTimer);
      try {
        // PASSIVE never waits for readers or writers: what it cannot copy now, the next one does.
        connection.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // A failed checkpoint loses nothing (the WAL keeps the pages): the next tick, or SQLite's
        // automatic checkpoint, tries again; a timer must not take the process down for it.
      }
    }, SQLITE_CHECKPOINT_INTERVAL_MS);
    this.checkpointTimer.unref();
  }
}

/** Builds (does not connect) the data source for a database URL parsed by loadBambooConfig. */
export function createBambooDataSource(
  config: { readonly database: BambooDatabaseConfig },
  options: BambooDataSourceOptions = {},
): BambooDataSource {
  const base = config.database.kind === 'mysql' ? mysqlOptions(config.database) : sqliteOptions(config.database.path);
  return new BambooDataSource({ ...base, ...options.overrides } as DataSourceOptions, options.runMigrations ?? true);
}

function mysqlOptions(database: Extract<BambooDatabaseConfig, { kind: 'mysql' }>): DataSourceOptions {
  return {
    type: database.flavor,
    url: database.url,
    // `?socketPath=/run/mysqld/mysqld.sock`: a co-located server over its Unix socket, which costs
    // the client about half the CPU per round trip of loopback TCP (TypeORM ignores URL queries).
    ...socketPathOf(database.url),
    poolSize: database.poolSize,
    charset: 'utf8mb4_bin',
    // Instants are stored as UTC DATETIME(6) whatever the server's zone.
    timezone: 'Z',
    // Ids are bigint columns: numbers up to 2^53, strings only beyond (never reached in practice).
    supportBigNumbers: true,
    bigNumberStrings: false,
    // MySQL 8 returns JSON columns parsed, MariaDB as text: asking mysql2 for text on both lets
    // TypeORM parse once, identically (a JSON string value would otherwise be parsed twice).
    // `trace: false`: mysql2 otherwise captures a stack trace for every query (3–4% of a worker's
    // CPU in the benchmark); TypeORM's QueryFailedError still names the statement that failed.
    // `queryFormat`: the multi-statement texts of commits and reads come formatted (see
    // engine-runtime/mysql-query-text.ts); every other query is formatted as mysql2 does.
    extra: { jsonStrings: true, trace: false, queryFormat: formatUnlessPreformatted },
    // A commit sends START TRANSACTION and its writes as one multi-statement text, one round trip
    // (engine-runtime/statement-batch.ts). Multi-statement texts would let an SQL injection append
    // statements, but no SQL text is ever built from values here: every value is a `?` parameter.
    multipleStatements: true,
    entities: [...BAMBOO_ENTITIES],
    migrations: [...MYSQL_MIGRATIONS],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
  };
}

function sqliteOptions(path: string): DataSourceOptions {
  return {
    type: 'better-sqlite3',
    database: path,
    // WAL lets the API read while the worker writes; the busy timeout makes a writer wait for the
    // lock instead of failing with SQLITE_BUSY.
    enableWAL: true,
    timeout: 10_000,
    // Prepared statements are cached by SQL text (FIFO). The hot path's fixed statements
    // (engine-runtime/raw-table.ts) have their own cache (sqlite-direct.ts); these are the query
    // builder's and the transactions'.
    statementCacheSize: 500,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('busy_timeout = 10000');
      db.pragma('synchronous = NORMAL');
      db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    },
    entities: [...BAMBOO_ENTITIES],
    migrations: [...SQLITE_MIGRATIONS],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
  };
}

/** Applies pending migrations; on MySQL under a named lock held by the migrating connection. */
export async function applyPendingMigrations(dataSource: DataSource): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  const locked = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  try {
    if (locked) {
      const rows = (await queryRunner.query('SELECT GET_LOCK(?, ?) AS acquired', [
        MIGRATION_LOCK,
        MIGRATION_LOCK_WAIT_SECONDS,
      ])) as { acquired: number | string | null }[];
      if (Number(rows[0]?.acquired) !== 1) {
        throw new Error(`Could not take the migration lock within ${MIGRATION_LOCK_WAIT_SECONDS}s`);
      }
    }
    const executor = new MigrationExecutor(dataSource, queryRunner);
    // MySQL DDL commits implicitly, so a transaction per migration is all it can honour; SQLite
    // applies the whole batch atomically.
    executor.transaction = locked ? 'each' : 'all';
    await executor.executePendingMigrations();
  } finally {
    if (locked) await queryRunner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).catch(() => undefined);
    await queryRunner.release();
  }
}

function socketPathOf(url: string): { socketPath?: string } {
  const socketPath = new URL(url).searchParams.get('socketPath');
  return socketPath ? { socketPath } : {};
}
