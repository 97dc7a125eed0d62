import { createTestDatabase, dropTestDatabase } from '@bamboo/testing';
import { createBambooDataSource } from '../persistence';
import { describeRawTableConformance } from './conformance/raw-table.conformance';

let database: { name: string; url: string } | undefined;
afterAll(async () => {
  if (database) await dropTestDatabase(database.name);
});

describeRawTableConformance('MariaDB', async () => {
  database = await createTestDatabase('raw');
  const config = { kind: 'mysql' as const, flavor: 'mariadb' as const, url: database.url, poolSize: 2 };
  return createBambooDataSource({ database: config }).initialize();
});
