import { QueryFailedError, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

// Rows are typed loosely (`object`): TypeORM's deep-partial type rejects the JSON record columns.

/**
 * Multi-row INSERT in batches, without TypeORM's follow-up SELECT of generated columns
 * (`updateEntity(false)`): the runtime supplies its keys and never reads defaults back.
 */
export async function insertRows<Entity extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<Entity>,
  rows: ReadonlyArray<object>,
  batchSize = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize) as QueryDeepPartialEntity<Entity>[];
    await m.createQueryBuilder().insert().into(entity).values(batch).updateEntity(false).execute();
  }
}

/** The driver's error code: of the error TypeORM wraps in a QueryFailedError, or of a bare driver error. */
function driverCode(error: unknown): { code?: string; errno?: number } {
  if (error instanceof QueryFailedError) {
    return (error as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError ?? {};
  }
  // better-sqlite3's SqliteError, mysql2's error: an object with the driver's code (not checked
  // with instanceof Error: a native module's errors may come from another realm, as under jest).
  return typeof error === 'object' && error !== null ? error : {};
}

export function isUniqueViolation(error: unknown): boolean {
  const { code } = driverCode(error);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** InnoDB chose this transaction as a deadlock victim (1213) or timed out on a lock (1205). */
export function isLockConflict(error: unknown): boolean {
  const { errno } = driverCode(error);
  return errno === 1213 || errno === 1205;
}
