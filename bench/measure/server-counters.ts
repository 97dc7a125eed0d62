import type { Connection } from 'mysql2/promise';
import type Redis from 'ioredis';
import { type Counters, counterDelta, parseCommandStats } from './counter-delta';

const MYSQL_COUNTERS = [
  'Questions',
  'Com_select',
  'Com_insert',
  'Com_update',
  'Com_delete',
  'Com_begin',
  'Com_commit',
  'Com_rollback',
  'Com_stmt_execute',
];

/**
 * Statement and command counts read from the servers themselves (MariaDB global status, Redis
 * commandstats). They are server-wide: other clients active during a run inflate them, which is why
 * the harness also reports the idle rate measured just before the run.
 */
export class ServerCounters {
  constructor(
    private readonly mysql?: Connection,
    private readonly redis?: Redis,
  ) {}

  async snapshot(): Promise<{ sql: Counters; redis: Counters }> {
    const sql: Counters = {};
    if (this.mysql) {
      const [rows] = await this.mysql.query(
        `SHOW GLOBAL STATUS WHERE Variable_name IN (${MYSQL_COUNTERS.map(() => '?').join(',')})`,
        MYSQL_COUNTERS,
      );
      for (const row of rows as Array<{ Variable_name: string; Value: string }>)
        sql[row.Variable_name] = Number(row.Value);
    }
    const redis = this.redis ? parseCommandStats(await this.redis.info('commandstats')) : {};
    return { sql, redis };
  }

  /** Delta between two snapshots, less the one SHOW STATUS / INFO the harness itself sent. */
  static delta(before: { sql: Counters; redis: Counters }, after: { sql: Counters; redis: Counters }) {
    const sql = counterDelta(before.sql, after.sql);
    if (sql.Questions !== undefined) sql.Questions = Math.max(0, sql.Questions - 1);
    const redis = counterDelta(before.redis, after.redis);
    if (redis.info !== undefined) redis.info = Math.max(0, redis.info - 1);
    if (redis.info === 0) delete redis.info;
    return { sql, redis };
  }
}
