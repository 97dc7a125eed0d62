// @bamboo/testing does not export its service helpers yet; reach the file until it does.
import { createTestDatabase, dropTestDatabase } from '../../../testing/src/services/test-services';
import { createConnection } from 'mysql2/promise';
import { applyPendingMigrations, createBambooDataSource } from './bamboo-data-source';
import { describePersistenceConformance } from './persistence.conformance';

// TypeORM reads MariaDB's information_schema differently (e.g. `NULL` defaults), so the drift check
// must use the dialect of the server the tests actually run on.
async function mysqlDatabase(url: string, poolSize: number) {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version);
    return {
      kind: 'mysql' as const,
      flavor: version.includes('MariaDB') ? ('mariadb' as const) : ('mysql' as const),
      url,
      poolSize,
    };
  } finally {
    await connection.end();
  }
}

describePersistenceConformance('MySQL (mysql2 on MariaDB)', async () => {
  const database = await createTestDatabase('persistence');
  const dataSource = await createBambooDataSource({ database: await mysqlDatabase(database.url, 4) }).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await dropTestDatabase(database.name);
    },
  };
});

describe('MySQL data source', () => {
  it('lets concurrent starts migrate once under the migration lock', async () => {
    const database = await createTestDatabase('migrate');
    const config = { database: await mysqlDatabase(database.url, 2) };
    const sources = [1, 2, 3].map(() => createBambooDataSource(config, { runMigrations: false }));
    try {
      await Promise.all(sources.map((source) => source.initialize()));
      await Promise.all(sources.map((source) => applyPendingMigrations(source)));

      const applied: unknown[] = await sources[0]!.query('SELECT * FROM bamboo_migrations');
      expect(applied).toHaveLength(sources[0]!.migrations.length);
      const tables: { TABLE_COLLATION: string }[] = await sources[0]!.query(
        'SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
      );
      expect(new Set(tables.map((table) => table.TABLE_COLLATION))).toEqual(new Set(['utf8mb4_bin']));
    } finally {
      await Promise.all(sources.filter((source) => source.isInitialized).map((source) => source.destroy()));
      await dropTestDatabase(database.name);
    }
  });

  it('connects over the Unix socket named by ?socketPath= (the TCP port of the URL is never used)', async () => {
    const database = await createTestDatabase('socket');
    const admin = await createConnection(database.url);
    const [rows] = await admin.query('SELECT @@socket AS socket');
    await admin.end();
    const socket = String((rows as { socket: string }[])[0]?.socket);
    const url = `mysql://root@127.0.0.1:1/${database.name}?socketPath=${encodeURIComponent(socket)}`;
    const source = createBambooDataSource({ database: { kind: 'mysql', flavor: 'mysql', url, poolSize: 1 } });
    try {
      await source.initialize();
      const [row] = await source.query<{ name: string }[]>('SELECT DATABASE() AS name');
      expect(row?.name).toBe(database.name);
    } finally {
      if (source.isInitialized) await source.destroy();
      await dropTestDatabase(database.name);
    }
  });

  it('fails to start when the server is unreachable', async () => {
    const source = createBambooDataSource({
      database: { kind: 'mysql', flavor: 'mysql', url: 'mysql://root@127.0.0.1:1/none', poolSize: 1 },
    });
    await expect(source.initialize()).rejects.toThrow();
  });
});
