import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource } from './bamboo-data-source';
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
});
