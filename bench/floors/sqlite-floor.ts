import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): { run(...params: unknown[]): unknown };
  close(): void;
}
type SqliteConstructor = new (file: string) => SqliteDatabase;

/**
 * Time for `transactions` single-row transactions on a fresh SQLite file with the product's settings
 * (WAL, synchronous NORMAL): the embedded mode's storage floor. better-sqlite3 ships no types here.
 */
export function sqliteFloorMs(transactions: number): number {
  const Database = createRequire(__filename)('better-sqlite3') as SqliteConstructor;
  const dir = mkdtempSync(path.join(tmpdir(), 'bamboo-bench-floor-'));
  const db = new Database(path.join(dir, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE floor_row (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)');
    const insert = db.prepare('INSERT INTO floor_row (v) VALUES (?)');
    const started = performance.now();
    for (let i = 0; i < transactions; i++) {
      db.exec('BEGIN');
      insert.run(`row ${i}`);
      db.exec('COMMIT');
    }
    return performance.now() - started;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
