import { createTestDatabase, dropTestDatabase } from '@bamboo/testing';
import { createBambooDataSource } from '../persistence';
import { describeCommitConformance } from './conformance/commit-batch.conformance';
import { StatementCounter } from './conformance/statement-counter.conformance';

let database: { name: string; url: string } | undefined;
const counter = new StatementCounter();
afterAll(async () => {
  if (database) await dropTestDatabase(database.name);
});

describeCommitConformance(
  'MariaDB, one multi-statement round trip',
  async () => {
    database = await createTestDatabase('commit');
    const config = { kind: 'mysql' as const, flavor: 'mariadb' as const, url: database.url, poolSize: 4 };
    return createBambooDataSource({ database: config }, { overrides: { logger: counter } }).initialize();
  },
  { deadlocks: true, counter },
);
