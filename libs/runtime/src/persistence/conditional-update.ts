import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * `UPDATE … SET … WHERE …` returning the number of rows it matched: the building block of every
 * compare-and-set of the runtime (state version, schedule lock, join acknowledgement; ADR 0004).
 * Values in `set` may be SQL expressions (`() => 'ack_num + 1'`).
 */
export async function updateWhere<Entity extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: EntityTarget<Entity>,
  where: FindOptionsWhere<Entity>,
  set: QueryDeepPartialEntity<Entity>,
): Promise<number> {
  const result = await db.createQueryBuilder().update(entity).set(set).where(where).execute();
  // Both drivers report it (mysql2 matched rows with CLIENT_FOUND_ROWS, better-sqlite3 `changes`);
  // a driver that does not would silently break every compare-and-set, so refuse to guess.
  if (typeof result.affected !== 'number') throw new Error('The database driver did not report affected rows');
  return result.affected;
}
