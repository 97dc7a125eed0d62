import { createTestDatabase, dropTestDatabase } from '@bamboo/testing';
import type { DataSource } from 'typeorm';
import { createBambooDataSource } from '.';
import { selectedRows, sendTogether } from '../engine-runtime/mysql-multi-statement';

let database: { name: string; url: string } | undefined;
let ds: DataSource;

beforeAll(async () => {
  database = await createTestDatabase('literal');
  const config = { kind: 'mysql' as const, flavor: 'mariadb' as const, url: database.url, poolSize: 2 };
  ds = await createBambooDataSource({ database: config }).initialize();
});

afterAll(async () => {
  await ds?.destroy();
  if (database) await dropTestDatabase(database.name);
});

describe('long texts sent as ready literals (MariaDB)', () => {
  const texts = {
    json: JSON.stringify({ tree: 'x'.repeat(300), quote: `it's`, path: 'C:\\dir\\', nested: '{"a":"\\"b\\""}' }),
    quotesAndBackslashes: `'\\'\\\\''"\\"`.repeat(40),
    endsInBackslash: `${'y'.repeat(300)}\\`,
    injection: `${'z'.repeat(300)}'; DROP TABLE eri_state; -- \\'`,
    unicode: '名前 ünïcødé 🚀 '.repeat(30),
    controls: `line\nbreak\ttab\0nul\x1asub'quote\\`.repeat(10),
  };

  it.each(Object.entries(texts))('the server reads back exactly the text sent (%s)', async (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(256);
    const [answer] = await sendTogether(ds, [{ sql: 'SELECT ? AS v, CHAR_LENGTH(?) AS n', params: [text, text] }]);
    const [row] = selectedRows(answer);
    expect(row).toEqual({ v: text, n: [...text].length });
  });
});
