import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { MysqlReadGroups } from './mysql-read-groups';
import { dialectOf, type SqlDialect } from './sql-dialect';
import { SqliteDirect } from './sqlite-direct';

/** `column < value` in a WHERE. */
export class Below {
  constructor(readonly value: unknown) {}
}

/** Another column of the same row: `ack_num = need_ack` in a WHERE. */
export class SameAs {
  constructor(readonly property: string) {}
}

/**
 * In a `RawTable.findEach` lookup, alone or in a list: a column of the row an earlier lookup found
 * (`j0.root_pipeline_id`), or the item at `item` of its JSON array column, so that one lookup can
 * follow another within the one statement.
 */
export class EarlierRow {
  constructor(
    readonly lookup: number,
    readonly table: RawTable<ObjectLiteral>,
    readonly property: string,
    readonly item?: number,
  ) {
    if (item !== undefined && !(Number.isSafeInteger(item) && item >= 0))
      throw new Error(`not an array index: ${item}`);
  }
}

/** An SQL expression over column names in an UPDATE's SET (`ack_num + 1`). */
export class SqlExpression {
  constructor(readonly sql: string) {}
}

/**
 * Conditions on properties, joined by AND: a value (`= ?`), `null` (`IS NULL`), an array (`IN`),
 * `Below` or `SameAs`. A list of them is joined by OR.
 */
export type Where<E> = { readonly [K in keyof E]?: unknown };

const MAX_TEXTS = 1000;

/** A write's SQL text (`?` placeholders) and its positional parameters, ready to send. */
export interface Statement {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * A row of a SELECT as the driver answers it: by column name (mysql2) or as the values of the
 * select list in its order (better-sqlite3, see SqliteDirect).
 */
export type ResultRow = Readonly<Record<string, unknown>> | readonly unknown[];

/** One of the independent lookups of `RawTable.findEach`. */
export interface Lookup<E extends ObjectLiteral> {
  readonly table: RawTable<E>;
  readonly where: Where<E>;
}

type LookupRows<L extends ReadonlyArray<Lookup<ObjectLiteral>>> = {
  [K in keyof L]: L[K] extends Lookup<infer E> ? E[] : never;
};

/**
 * The execution path's statements on one entity's table, without the query builder: SQL texts
 * are built from TypeORM's metadata once per shape (columns, IN length, rows) and cached, so that
 * better-sqlite3 also finds its prepared statement; parameters are positional. Values go through
 * the driver's own `preparePersistentValue` / `prepareHydratedValue`, so rows stay exactly those
 * TypeORM writes and reads elsewhere (JSON text, booleans, UTC datetimes).
 */
export class RawTable<E extends ObjectLiteral> {
  private static readonly tables = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, RawTable<ObjectLiteral>>>();

  /** The table of `entity` on the data source of `db` (one instance per data source). */
  static of<E extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<E>): RawTable<E> {
    const dataSource = db.dataSource;
    let tables = RawTable.tables.get(dataSource);
    if (!tables) {
      tables = new Map<EntityTarget<ObjectLiteral>, RawTable<ObjectLiteral>>();
      RawTable.tables.set(dataSource, tables);
    }
    let table = tables.get(entity);
    if (!table) tables.set(entity, (table = new RawTable(dataSource, entity)));
    return table as unknown as RawTable<E>;
  }

  private readonly dialect: SqlDialect;
  private readonly table: string;
  private readonly columns: readonly ColumnMetadata[];
  private readonly byProperty = new Map<string, ColumnMetadata>();
  private readonly selectList: string;
  private readonly updateDate: ColumnMetadata | undefined;
  /** The indexes of the primary key's columns in `columns`. */
  private readonly primaryAt: readonly number[];
  private readonly texts = new Map<string, string>();
  private readonly prefixedNames = new Map<string, readonly string[]>();

  private constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<E>,
  ) {
    const metadata = dataSource.getMetadata(entity);
    this.dialect = dialectOf(dataSource);
    this.table = this.dialect.id(metadata.tableName);
    this.columns = metadata.columns;
    for (const column of this.columns) this.byProperty.set(column.propertyName, column);
    this.selectList = this.columns.map((column) => this.dialect.id(column.databaseName)).join(', ');
    this.updateDate = metadata.updateDateColumn;
    this.primaryAt = metadata.primaryColumns.map((column) => this.columns.indexOf(column));
  }

  /**
   * Several independent SELECTs of whole rows in one statement (one round trip, one snapshot):
   * each lookup is a LEFT JOIN, on its conditions, to a one-row derived table, so a lookup that
   * matches nothing leaves the others intact. Returns each lookup's rows, distinct by primary key;
   * keep to lookups of at most one row but one (the result is their product).
   */
  static async findEach<L extends ReadonlyArray<Lookup<ObjectLiteral>>>(
    m: EntityManager,
    lookups: readonly [...L],
  ): Promise<LookupRows<L>> {
    const read = RawTable.findEachStatement(lookups);
    return read.rowsOf(read.sql === '' ? [] : await readRows(m, read.sql, read.params));
  }

  /**
   * `findEach`'s statement, unsent, and how to split the rows it answers into each lookup's rows:
   * for a caller that sends it in a round trip of its own making (after a write, say).
   */
  static findEachStatement<L extends ReadonlyArray<Lookup<ObjectLiteral>>>(
    lookups: readonly [...L],
  ): Statement & { rowsOf(rows: ReadonlyArray<ResultRow>): LookupRows<L> } {
    const [first] = lookups;
    if (!first) return { sql: '', params: [], rowsOf: () => [] as unknown as LookupRows<L> };
    const params: unknown[] = [];
    const key = `J|${lookups.map(({ table, where }) => `${table.table}:${table.whereKey(where, params)}`).join('|')}`;
    const sql = first.table.text(key, () => {
      const selects: string[] = [];
      const joins: string[] = [];
      lookups.forEach(({ table, where }, i) => {
        const alias = `j${i}`;
        for (const column of table.columns) {
          const name = table.dialect.id(column.databaseName);
          selects.push(`${alias}.${name} AS ${table.dialect.id(`${alias}_${column.databaseName}`)}`);
        }
        joins.push(`LEFT JOIN ${table.table} ${alias} ON ${table.whereSql(where, alias)}`);
      });
      return `SELECT ${selects.join(', ')} FROM (SELECT 1 AS one) d ${joins.join(' ')}`;
    });
    const rowsOf = (rows: ReadonlyArray<ResultRow>) => {
      let start = 0;
      return lookups.map(({ table }, i) => {
        const at: Position = { start, prefix: `j${i}_` };
        start += table.columns.length;
        const found = new Map<string, ObjectLiteral>();
        for (const row of rows) {
          const id = table.primaryAt.map((index) => table.cell(row, index, at));
          if (id.some((value) => value === null || value === undefined)) continue;
          const identity = id.map(String).join('|');
          if (!found.has(identity)) found.set(identity, table.hydrate(row, at));
        }
        return [...found.values()];
      }) as unknown as LookupRows<L>;
    };
    return { sql, params, rowsOf };
  }

  /** SELECT of whole rows; `where` as a list is an OR of its items. */
  async find(
    m: EntityManager,
    where: Where<E> | ReadonlyArray<Where<E>>,
    options: { orderById?: boolean; one?: boolean } = {},
  ): Promise<E[]> {
    const { sql, params } = this.findStatement(where, options);
    const rows = await readRows(m, sql, params);
    return rows.map((row) => this.hydrate(row));
  }

  /** The SELECT of `find`, not sent (to be nested in another statement). */
  findStatement(
    where: Where<E> | ReadonlyArray<Where<E>>,
    options: { orderById?: boolean; one?: boolean } = {},
  ): Statement {
    const params: unknown[] = [];
    const key = `S${options.orderById ? 'o' : ''}${options.one ? '1' : ''}|${this.whereKey(where, params)}`;
    const sql = this.text(key, () => {
      let text = `SELECT ${this.selectList} FROM ${this.table} WHERE ${this.whereSql(where)}`;
      if (options.orderById) text += ` ORDER BY ${this.column('id')} ASC`;
      return options.one ? `${text} LIMIT 1` : text;
    });
    return { sql, params };
  }

  async findOne(m: EntityManager, where: Where<E>): Promise<E | undefined> {
    return (await this.find(m, where, { one: true }))[0];
  }

  /**
   * Multi-row INSERT in batches of the properties the rows give; a row without a value for one of
   * them gets the column default, as with TypeORM. Keys are supplied, nothing is read back.
   */
  async insert(m: EntityManager, rows: ReadonlyArray<object>, batchSize = 500): Promise<void> {
    for (const statement of this.insertStatements(rows, batchSize)) await executeStatement(m, statement);
  }

  /** The statements of `insert`, not sent (one per batch of rows; none for no rows). */
  insertStatements(rows: ReadonlyArray<object>, batchSize = 500): Statement[] {
    const statements: Statement[] = [];
    for (let start = 0; start < rows.length; start += batchSize) {
      const { key, sql, params } = this.values(rows.slice(start, start + batchSize));
      statements.push({ sql: this.text(key, sql), params });
    }
    return statements;
  }

  /** INSERT … ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE, one statement per call. */
  async upsert(m: EntityManager, rows: ReadonlyArray<object>, overwrite: string[], conflict: string[]): Promise<void> {
    const statement = this.upsertStatement(rows, overwrite, conflict);
    if (statement) await executeStatement(m, statement);
  }

  /** The statement of `upsert`, not sent (none for no rows). */
  upsertStatement(rows: ReadonlyArray<object>, overwrite: string[], conflict: string[]): Statement | undefined {
    if (rows.length === 0) return undefined;
    const { key, sql, params } = this.values(rows);
    const text = this.text(`${key}|U${overwrite.join()}|${conflict.join()}`, () => {
      const names = (props: string[]) => props.map((p) => this.byProperty.get(p)!.databaseName);
      return sql() + this.dialect.upsert(names(conflict), names(overwrite));
    });
    return { sql: text, params };
  }

  /**
   * `UPDATE … SET … WHERE …` returning the rows it matched (the compare-and-set of ADR 0004). Like
   * TypeORM's update, it also sets the update-date column. An empty `set` writes `id = id`.
   * `where` as a list is an OR of its items.
   */
  update(m: EntityManager, where: Where<E> | ReadonlyArray<Where<E>>, set: Where<E>): Promise<number> {
    return executeStatement(m, this.updateStatement(where, set));
  }

  /** The statement of `update`, not sent. */
  updateStatement(where: Where<E> | ReadonlyArray<Where<E>>, set: Where<E>): Statement {
    const params: unknown[] = [];
    let setKey = '';
    const assigned: string[] = [];
    for (const property in set) {
      const value = set[property];
      if (value === undefined) continue;
      assigned.push(property);
      if (value instanceof SqlExpression) setKey += `${property}=(${value.sql}),`;
      else {
        setKey += `${property},`;
        params.push(this.persistent(property, value));
      }
    }
    const key = `U${setKey}|${this.whereKey(where, params)}`;
    const sql = this.text(key, () => {
      const parts = assigned.map((property) => {
        const value = set[property];
        return `${this.column(property)} = ${value instanceof SqlExpression ? value.sql : '?'}`;
      });
      if (parts.length === 0) parts.push(`${this.column('id')} = ${this.column('id')}`);
      else if (this.updateDate && !assigned.includes(this.updateDate.propertyName)) {
        parts.push(`${this.dialect.id(this.updateDate.databaseName)} = CURRENT_TIMESTAMP`);
      }
      return `UPDATE ${this.table} SET ${parts.join(', ')} WHERE ${this.whereSql(where)}`;
    });
    return { sql, params };
  }

  private values(rows: ReadonlyArray<object>): { key: string; sql: () => string; params: unknown[] } {
    const given = new Set<ColumnMetadata>();
    for (const row of rows) {
      for (const property in row) {
        if ((row as Record<string, unknown>)[property] !== undefined) given.add(this.columnOf(property));
      }
    }
    const columns = this.columns.filter((column) => given.has(column));
    const params: unknown[] = [];
    let key = `I${columns.map((column) => column.propertyName).join()}|`;
    for (const row of rows) {
      for (const column of columns) {
        const value = (row as Record<string, unknown>)[column.propertyName];
        if (value === undefined) key += '0';
        else {
          key += '1';
          params.push(this.dataSource.driver.preparePersistentValue(value, column));
        }
      }
      key += ',';
    }
    const sql = () => {
      const tuples = rows.map(
        (row) =>
          `(${columns
            .map((column) =>
              (row as Record<string, unknown>)[column.propertyName] === undefined
                ? this.dialect.defaultValue(column)
                : '?',
            )
            .join(', ')})`,
      );
      const names = columns.map((column) => this.dialect.id(column.databaseName)).join(', ');
      return `INSERT INTO ${this.table} (${names}) VALUES ${tuples.join(', ')}`;
    };
    return { key, sql, params };
  }

  private whereKey(where: Where<E> | ReadonlyArray<Where<E>>, params: unknown[]): string {
    if (isList(where)) return where.map((item) => this.whereKey(item, params)).join('|or|');
    let key = '';
    for (const property in where) {
      const value = where[property];
      // TypeORM would drop the condition: a compare-and-set must never silently widen.
      if (value === undefined) throw new Error(`${this.table}: no value for the condition on ${property}`);
      if (value === null) key += `${property} null,`;
      else if (Array.isArray(value)) {
        key += `${property} in ${value.map((item) => (item instanceof EarlierRow ? RawTable.earlierKey(item) : '?')).join()},`;
        for (const item of value) if (!(item instanceof EarlierRow)) params.push(this.persistent(property, item));
      } else if (value instanceof EarlierRow) key += `${property}=${RawTable.earlierKey(value)},`;
      else if (value instanceof Below) {
        key += `${property}<,`;
        params.push(this.persistent(property, value.value));
      } else if (value instanceof SameAs) key += `${property}=${value.property},`;
      else {
        key += `${property},`;
        params.push(this.persistent(property, value));
      }
    }
    return key;
  }

  /** The conditions, on columns qualified by `alias` when given. */
  private whereSql(where: Where<E> | ReadonlyArray<Where<E>>, alias?: string): string {
    if (isList(where)) return where.map((item) => `(${this.whereSql(item, alias)})`).join(' OR ');
    const qualify = (column: string) => (alias === undefined ? column : `${alias}.${column}`);
    const parts: string[] = [];
    for (const property in where) {
      const value = where[property];
      const column = qualify(this.column(property));
      if (value === null) parts.push(`${column} IS NULL`);
      else if (Array.isArray(value)) {
        const items = value.map((item) => (item instanceof EarlierRow ? this.earlier(item, alias) : '?'));
        parts.push(value.length === 0 ? '1 = 0' : `${column} IN (${items.join(', ')})`);
      } else if (value instanceof EarlierRow) parts.push(`${column} = ${this.earlier(value, alias)}`);
      else if (value instanceof Below) parts.push(`${column} < ?`);
      else if (value instanceof SameAs) parts.push(`${column} = ${qualify(this.column(value.property))}`);
      else parts.push(`${column} = ?`);
    }
    return parts.join(' AND ');
  }

  private static earlierKey({ lookup, table, property, item }: EarlierRow): string {
    return `j${lookup}.${table.table}.${property}${item === undefined ? '' : `[${item}]`}`;
  }

  /** The column of an earlier lookup's row; only in a `findEach` (where lookups have aliases). */
  private earlier({ lookup, table, property, item }: EarlierRow, alias: string | undefined): string {
    if (alias === undefined || Number(alias.slice(1)) <= lookup) {
      throw new Error(`${this.table}: a condition on lookup ${lookup} is only possible in a later findEach lookup`);
    }
    const column = `j${lookup}.${table.column(property)}`;
    return item === undefined ? column : this.dialect.jsonArrayItem(column, item);
  }

  private text(key: string, build: () => string): string {
    let sql = this.texts.get(key);
    if (sql === undefined) {
      if (this.texts.size >= MAX_TEXTS) this.texts.clear();
      this.texts.set(key, (sql = build()));
    }
    return sql;
  }

  private hydrate(row: ResultRow, at: Position = WHOLE_ROW): E {
    const entity: Record<string, unknown> = {};
    const { driver } = this.dataSource;
    const { columns } = this;
    if (isPositional(row)) {
      for (let index = 0; index < columns.length; index++) {
        const column = columns[index]!;
        entity[column.propertyName] = driver.prepareHydratedValue(row[at.start + index], column);
      }
    } else {
      const names = this.namesWith(at.prefix);
      for (let index = 0; index < columns.length; index++) {
        const column = columns[index]!;
        entity[column.propertyName] = driver.prepareHydratedValue(row[names[index]!], column);
      }
    }
    return entity as E;
  }

  /** The value of this table's `index`th column in `row`, whose columns for this table are `at`. */
  private cell(row: ResultRow, index: number, at: Position): unknown {
    return isPositional(row) ? row[at.start + index] : row[this.namesWith(at.prefix)[index]!];
  }

  /** The result names of the columns, in order, under `prefix` (a findEach alias), built once. */
  private namesWith(prefix: string): readonly string[] {
    let names = this.prefixedNames.get(prefix);
    if (names === undefined) {
      names = this.columns.map((column) => prefix + column.databaseName);
      this.prefixedNames.set(prefix, names);
    }
    return names;
  }

  private persistent(property: string, value: unknown): unknown {
    return this.dataSource.driver.preparePersistentValue(value, this.columnOf(property));
  }

  private column(property: string): string {
    return this.dialect.id(this.columnOf(property).databaseName);
  }

  private columnOf(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`${this.table} has no column for property ${property}`);
    return column;
  }
}

/**
 * The rows of a SELECT: on SQLite straight from better-sqlite3 (see SqliteDirect); on MySQL outside
 * a transaction together with the other reads waiting at the same time (see MysqlReadGroups).
 */
async function readRows(m: EntityManager, sql: string, params: unknown[]): Promise<ResultRow[]> {
  const direct = SqliteDirect.of(m.dataSource);
  if (!direct) {
    const groups = m.queryRunner ? undefined : MysqlReadGroups.of(m.dataSource);
    return groups ? groups.query(sql, params) : m.query(sql, params);
  }
  const result = direct.execute(m, sql, params);
  // RawTable's reads are all SELECTs, which better-sqlite3 runs as readers.
  return 'rows' in result ? result.rows : [];
}

/** Where one table's columns are in a result row: from `start` (positional) or named `prefix` + column. */
interface Position {
  readonly start: number;
  readonly prefix: string;
}

const WHOLE_ROW: Position = { start: 0, prefix: '' };

function isPositional(row: ResultRow): row is readonly unknown[] {
  return Array.isArray(row);
}

function isList<T>(where: T | ReadonlyArray<T>): where is ReadonlyArray<T> {
  return Array.isArray(where);
}

/**
 * Runs a write and returns the rows it matched: mysql2 `affectedRows` (CLIENT_FOUND_ROWS, so a
 * matched but unchanged row counts), better-sqlite3 `changes`. Inside a transaction on its runner
 * (SQLite: straight on the driver's one connection, inside the transaction it has open).
 */
export async function executeStatement(m: EntityManager, { sql, params }: Statement): Promise<number> {
  const direct = SqliteDirect.of(m.dataSource);
  if (direct) {
    const result = direct.execute(m, sql, params);
    if (!('affected' in result)) throw new Error('The database driver did not report affected rows');
    return result.affected;
  }
  const runner = m.queryRunner ?? m.dataSource.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    // A driver that does not report it would silently break every compare-and-set: refuse to guess.
    if (typeof result.affected !== 'number') throw new Error('The database driver did not report affected rows');
    return result.affected;
  } finally {
    if (!m.queryRunner) await runner.release();
  }
}
