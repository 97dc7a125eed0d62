import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import Redis from 'ioredis';

export type Mode = 'embedded' | 'distributed';

export interface RunEnvironment {
  mode: Mode;
  /** Holds the SQLite file and the process logs. */
  workDir: string;
  dbUrl: string;
  redisUrl?: string;
  queuePrefix?: string;
  database?: string;
  /** Kept open for server counters and cleanup (distributed only). */
  mysql?: Connection;
  redis?: Redis;
}

export interface EnvironmentOptions {
  mysqlUrl: string;
  redisUrl: string;
}

function stamp(): string {
  return `${new Date()
    .toISOString()
    .replace(/[-:T.Z]/g, '')
    .slice(0, 14)}_${randomBytes(3).toString('hex')}`;
}

/** A fresh database (a new MariaDB schema or SQLite file) and, distributed, a fresh queue prefix. */
export async function createRunEnvironment(mode: Mode, options: EnvironmentOptions): Promise<RunEnvironment> {
  const id = stamp();
  const workDir = mkdtempSync(path.join(tmpdir(), `bamboo-bench-${id}-`));
  if (mode === 'embedded') return { mode, workDir, dbUrl: `sqlite:${path.join(workDir, 'bench.sqlite')}` };
  const database = `bamboo_bench_${id}`;
  const mysql = await createConnection({ uri: options.mysqlUrl, connectTimeout: 10_000 });
  await mysql.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
  return {
    mode,
    workDir,
    dbUrl: withDatabase(options.mysqlUrl, database),
    redisUrl: options.redisUrl,
    queuePrefix: `bamboo-bench-${id}`,
    database,
    mysql,
    redis,
  };
}

/** Drops the database, the queue keys and the work folder; `keep` leaves data and logs for inspection. */
export async function disposeRunEnvironment(env: RunEnvironment, keep = false): Promise<void> {
  if (!keep) {
    if (env.mysql && env.database)
      await env.mysql.query(`DROP DATABASE IF EXISTS \`${env.database}\``).catch(() => undefined);
    if (env.redis && env.queuePrefix) await deleteKeys(env.redis, `${env.queuePrefix}:*`).catch(() => undefined);
    rmSync(env.workDir, { recursive: true, force: true });
  }
  await env.mysql?.end().catch(() => undefined);
  env.redis?.disconnect();
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  // Bounded: a run leaves at most a few thousand keys under its own prefix.
  for (let round = 0; round < 10_000; round++) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
    if (cursor === '0') return;
  }
}

/** `url` naming `database` instead of its own, its query (e.g. `?socketPath=`) kept. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
