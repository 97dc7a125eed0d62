import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource } from './bamboo-data-source';
import { SqliteCheckpointThread, type CheckpointResult } from './sqlite-checkpoint-thread';
import { describePersistenceConformance } from './persistence.conformance';

describePersistenceConformance('SQLite (better-sqlite3, file in WAL mode)', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'bamboo-sqlite-'));
  const dataSource = await createBambooDataSource({
    database: { kind: 'sqlite', path: join(directory, 'db', 'bamboo.sqlite') },
  }).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe('SQLite data source', () => {
  it('runs in WAL mode with a busy timeout, and a second start finds nothing to migrate', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bamboo-sqlite-'));
    const config = { database: { kind: 'sqlite' as const, path: join(directory, 'bamboo.sqlite') } };
    try {
      const first = await createBambooDataSource(config).initialize();
      expect(await first.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await first.query('PRAGMA busy_timeout')).toEqual([{ timeout: 10000 }]);
      await first.destroy();

      const second = await createBambooDataSource(config).initialize();
      expect(await second.showMigrations()).toBe(false);
      await second.destroy();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('checkpoints the WAL on a thread of its own, keeping the automatic checkpoint as a backstop; none for :memory:', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bamboo-sqlite-'));
    try {
      const memory = await createBambooDataSource({ database: { kind: 'sqlite', path: ':memory:' } }).initialize();
      expect(memory.checkpoints).toBeUndefined();
      await memory.destroy();

      const file = await createBambooDataSource({
        database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
      }).initialize();
      expect(await file.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 10000 }]);
      const thread = file.checkpoints!;
      expect(thread).toBeDefined();
      // Pages written by the product's connection are copied by the thread's.
      const copied = new Promise<CheckpointResult>((resolve) =>
        thread.watch((result) => (result.checkpointed > 0 ? (resolve(result), true) : false)),
      );
      await file.query('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
      for (let i = 0; i < 50; i++) await file.query('INSERT INTO filler (text) VALUES (?)', ['x'.repeat(4000)]);
      const result = await copied;
      expect(result.busy).toBe(0);
      expect(result.checkpointed).toBeGreaterThan(0);
      expect(result.checkpointed).toBeLessThanOrEqual(result.log);
      const stopped = jest.spyOn(thread, 'stop');
      await file.destroy();
      expect(stopped).toHaveBeenCalledTimes(1);
      expect(file.checkpoints).toBeUndefined();
    } finally {
      jest.restoreAllMocks();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 20_000);

  it('reports a checkpoint thread that cannot open its database, for the data source to fall back', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bamboo-sqlite-'));
    try {
      let thread: SqliteCheckpointThread | undefined;
      const failure = await new Promise<unknown>((resolve) => {
        thread = new SqliteCheckpointThread(join(directory, 'missing.sqlite'), 1000, resolve);
      });
      await thread!.stop();
      // better-sqlite3's SqliteError crosses the thread boundary as its own properties.
      expect(failure).toMatchObject({ code: 'SQLITE_CANTOPEN' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
