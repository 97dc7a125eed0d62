import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

/** Where the integration tests find MariaDB and Redis (loopback services, see .ci/run). */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Creates a fresh, empty database and returns its URL; drop it with dropTestDatabase. */
export async function createTestDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `it_${prefix}_${randomBytes(4).toString('hex')}`.replace(/[^A-Za-z0-9_]/g, '_');
  const connection = await createConnection(TEST_MYSQL_URL);
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
  const url = new URL(TEST_MYSQL_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const connection = await createConnection(TEST_MYSQL_URL);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

/** A unique queue/key prefix so that tests sharing one Redis never see each other's jobs. */
export function randomQueuePrefix(label: string): string {
  return `bamboo-test-${label}-${randomBytes(4).toString('hex')}`;
}

export function connectTestRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
}
