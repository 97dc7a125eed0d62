import type { DataSource } from 'typeorm';

/** Tables of migration 1760000000003 (ADR 0007). Times are epoch milliseconds: no zone handling per dialect. */
export const HEARTBEAT_TABLE = 'bamboo_worker_heartbeat';
export const HEALER_TABLE = 'bamboo_healer_action';

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}

/** MySQL returns BIGINT columns as numbers here (supportBigNumbers without strings); SQLite too. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
