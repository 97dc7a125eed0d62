import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource, SQLITE_CHECKPOINT_INTERVAL_MS } from './bamboo-data-source';
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

  it('checkpoints the WAL from a timer, keeping the automatic checkpoint as a backstop; none for :memory:', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bamboo-sqlite-'));
    const intervals = jest.spyOn(global, 'setInterval');
    try {
      const memory = await createBambooDataSource({ database: { kind: 'sqlite', path: ':memory:' } }).initialize();
      expect(intervals.mock.calls.filter(([, ms]) => ms === SQLITE_CHECKPOINT_INTERVAL_MS)).toHaveLength(0);
      await memory.destroy();

      const file = await createBambooDataSource({
        database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
      }).initialize();
      expect(await file.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 10000 }]);
      const ticks = intervals.mock.calls.filter(([, ms]) => ms === SQLITE_CHECKPOINT_INTERVAL_MS);
      expect(ticks).toHaveLength(1);
      const connection = (file.driver as unknown as { databaseConnection: { pragma(source: string): unknown } })
        .databaseConnection;
      const pragma = jest.spyOn(connection, 'pragma');
      ticks[0]![0]();
      expect(pragma).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');
      const cleared = jest.spyOn(global, 'clearInterval');
      await file.destroy();
      expect(cleared).toHaveBeenCalledWith(intervals.mock.results[intervals.mock.calls.indexOf(ticks[0]!)]!.value);
    } finally {
      jest.restoreAllMocks();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
