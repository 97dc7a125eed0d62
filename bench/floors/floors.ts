import type { Mode } from '../product/run-environment';
import { prepareBullFloor } from './bull-floor';
import { runAlone, runTogether } from './floor-task';
import { prepareMysqlFloor } from './mysql-floor';
import { sqliteFloorMs } from './sqlite-floor';

export interface FloorFigures {
  /** Queue jobs and transactions measured: one of each per engine step of the run. */
  operations: number;
  /** No-op Bull jobs alone (distributed). */
  queueMs?: number;
  /** Single-row transactions alone (MariaDB distributed, SQLite embedded). */
  sqlMs: number;
  /**
   * The floor: jobs and transactions run at the same time, as the product overlaps them on this
   * machine's cores. Lower than queueMs + sqlMs, never lower than either.
   */
  totalMs: number;
}

export interface FloorUrls {
  mysqlUrl: string;
  redisUrl: string;
}

/**
 * The least `operations` steps can cost here and now: distributed = no-op Bull jobs through Redis
 * plus single-row MySQL transactions (mysql2, pool of 20 like the product's default);
 * embedded = single-row SQLite transactions (its queue is in-process).
 */
export async function measureFloor(mode: Mode, operations: number, urls: FloorUrls): Promise<FloorFigures> {
  if (mode === 'embedded') {
    const sqlMs = sqliteFloorMs(operations);
    return { operations, sqlMs, totalMs: sqlMs };
  }
  const queueMs = await runAlone(() => prepareBullFloor(urls.redisUrl, operations));
  const sqlMs = await runAlone(() => prepareMysqlFloor(urls.mysqlUrl, operations));
  const tasks = [await prepareBullFloor(urls.redisUrl, operations), await prepareMysqlFloor(urls.mysqlUrl, operations)];
  try {
    return { operations, queueMs, sqlMs, totalMs: await runTogether(tasks) };
  } finally {
    await Promise.all(tasks.map((t) => t.dispose()));
  }
}
