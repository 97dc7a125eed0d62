import { randomBytes } from 'node:crypto';
import { createPool } from 'mysql2/promise';
import { withDatabase } from '../product/run-environment';
import type { FloorTask } from './floor-task';
import { runParallel } from './run-parallel';

/** `transactions` single-row INSERT transactions over a pool, in a throwaway database. */
export async function prepareMysqlFloor(mysqlUrl: string, transactions: number, concurrency = 20): Promise<FloorTask> {
  const database = `bamboo_bench_floor_${randomBytes(4).toString('hex')}`;
  const admin = createPool({ uri: mysqlUrl, connectionLimit: 1 });
  await admin.query(`CREATE DATABASE \`${database}\``);
  const pool = createPool({ uri: withDatabase(mysqlUrl, database), connectionLimit: concurrency });
  await pool.query('CREATE TABLE floor_row (id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(64)) ENGINE=InnoDB');
  return {
    run: async () => {
      const started = performance.now();
      await runParallel(transactions, concurrency, async (i) => {
        const conn = await pool.getConnection();
        try {
          await conn.beginTransaction();
          await conn.query('INSERT INTO floor_row (v) VALUES (?)', [`row ${i}`]);
          await conn.commit();
        } finally {
          conn.release();
        }
      });
      return performance.now() - started;
    },
    dispose: async () => {
      await pool.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
      await admin.end().catch(() => undefined);
    },
  };
}
