import { createTestDatabase, dropTestDatabase } from '@bamboo/testing';
import { createBambooDataSource } from '../persistence';
import { describePrepareConformance } from './conformance/run-definition.conformance';
import { StatementCounter } from './conformance/statement-counter.conformance';

let database: { name: string; url: string } | undefined;
const counter = new StatementCounter();
afterAll(async () => {
  if (database) await dropTestDatabase(database.name);
});

describePrepareConformance(
  'MariaDB, one multi-statement round trip',
  async () => {
    database = await createTestDatabase('prepare');
    const config = { kind: 'mysql' as const, flavor: 'mariadb' as const, url: database.url, poolSize: 4 };
    return createBambooDataSource({ database: config }, { overrides: { logger: counter } }).initialize();
  },
  { counter, batched: true },
);
