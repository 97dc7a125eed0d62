import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource } from 'typeorm';

/**
 * The few places where the hot path's hand-written SQL differs between MySQL/MariaDB and SQLite.
 * Both take `?` placeholders; identifiers, upserts and insert defaults differ.
 */
export interface SqlDialect {
  /** A quoted identifier: `name` (MySQL) or "name" (SQLite). */
  id(name: string): string;
  /** The clause that turns an INSERT into an upsert on the unique key `conflict`. */
  upsert(conflict: readonly string[], overwrite: readonly string[]): string;
  /**
   * What a multi-row INSERT writes for a column a row does not give, as TypeORM does: `DEFAULT`
   * on MySQL; SQLite has no `DEFAULT` in VALUES, so the column's default expression or NULL.
   */
  defaultValue(column: ColumnMetadata): string;
  /** The text at `index` (a safe integer) of a JSON array, NULL past its end. */
  jsonArrayItem(expression: string, index: number): string;
}

const MYSQL: SqlDialect = {
  id: (name) => `\`${name}\``,
  upsert: (_conflict, overwrite) =>
    ` ON DUPLICATE KEY UPDATE ${overwrite.map((c) => `\`${c}\` = VALUES(\`${c}\`)`).join(', ')}`,
  defaultValue: () => 'DEFAULT',
  // JSON_VALUE is MariaDB 10.2.3+ and MySQL 8.0.21+ only; this works on JSON and LONGTEXT columns.
  jsonArrayItem: (expression, index) => `JSON_UNQUOTE(JSON_EXTRACT(${expression}, '$[${index}]'))`,
};

function sqlite(dataSource: DataSource): SqlDialect {
  return {
    id: (name) => `"${name}"`,
    upsert: (conflict, overwrite) =>
      ` ON CONFLICT (${conflict.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET ${overwrite
        .map((c) => `"${c}" = excluded."${c}"`)
        .join(', ')}`,
    defaultValue: (column) =>
      column.default === undefined || column.default === null ? 'NULL' : dataSource.driver.normalizeDefault(column)!,
    jsonArrayItem: (expression, index) => `json_extract(${expression}, '$[${index}]')`,
  };
}

export function dialectOf(dataSource: DataSource): SqlDialect {
  const type = dataSource.options.type;
  if (type === 'mysql' || type === 'mariadb') return MYSQL;
  if (type === 'better-sqlite3') return sqlite(dataSource);
  throw new Error(`no SQL dialect for the ${type} driver`);
}
