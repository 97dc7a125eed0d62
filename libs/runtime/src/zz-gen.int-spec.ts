import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource } from './persistence/bamboo-data-source';
import { createTestDatabase, dropTestDatabase } from '../../testing/src/services/test-services';

it('gen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-'));
  const s = await createBambooDataSource({ database: { kind: 'sqlite', path: join(dir, 'x.sqlite') } }).initialize();
  const log = await s.driver.createSchemaBuilder().log();
  console.log(
    'SQLITE UP\n' +
      log.upQueries.map((q) => q.query).join('\n') +
      '\nSQLITE DOWN\n' +
      log.downQueries.map((q) => q.query).join('\n'),
  );
  await s.destroy();
  const db = await createTestDatabase('gen');
  const m = await createBambooDataSource({
    database: { kind: 'mysql', flavor: 'mysql', url: db.url, poolSize: 2 },
  }).initialize();
  const log2 = await m.driver.createSchemaBuilder().log();
  console.log(
    'MYSQL UP\n' +
      log2.upQueries.map((q) => q.query).join('\n') +
      '\nMYSQL DOWN\n' +
      log2.downQueries.map((q) => q.query).join('\n'),
  );
  await m.destroy();
  await dropTestDatabase(db.name);
});
