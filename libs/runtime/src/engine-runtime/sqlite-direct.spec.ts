import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError, type Logger as TypeormLogger } from 'typeorm';
import { createBambooDataSource, NodeStateEntity, type BambooDataSource } from '../persistence';
import { RawTable } from './raw-table';
import { isUniqueViolation } from './sql-helpers';
import { SqliteDirect } from './sqlite-direct';

class Recorder implements TypeormLogger {
  readonly queries: Array<{ sql: string; params: unknown[] | undefined }> = [];
  readonly errors: string[] = [];
  logQuery(sql: string, params?: unknown[]): void {
    this.queries.push({ sql, params });
  }
  logQueryError(_error: string | Error, sql: string): void {
    this.errors.push(sql);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const directory = mkdtempSync(join(tmpdir(), 'bamboo-direct-'));
const recorder = new Recorder();
let dataSource: BambooDataSource;

const state = (nodeId: string) => ({
  nodeId,
  rootId: 'root',
  name: 'RUNNING',
  version: 'v1',
  skip: true,
  errorIgnored: false,
  createdTime: new Date('2030-01-02T03:04:05.678Z'),
});

beforeAll(async () => {
  dataSource = await createBambooDataSource(
    { database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') } },
    { overrides: { logger: recorder } },
  ).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

describe('RawTable on better-sqlite3, straight on the connection (SqliteDirect)', () => {
  it('is used for better-sqlite3 data sources', () => {
    expect(SqliteDirect.of(dataSource)).toBeDefined();
  });

  it("writes inside the transaction TypeORM opened: a rollback undoes them, TypeORM's reads see them before", async () => {
    const table = RawTable.of(dataSource.manager, NodeStateEntity);
    await expect(
      dataSource.transaction(async (m) => {
        await table.insert(m, [state('tx-1')]);
        expect(await m.getRepository(NodeStateEntity).countBy({ nodeId: 'tx-1' })).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await table.find(dataSource.manager, { nodeId: 'tx-1' })).toEqual([]);
    await dataSource.transaction((m) => table.insert(m, [state('tx-2')]));
    expect(await dataSource.getRepository(NodeStateEntity).countBy({ nodeId: 'tx-2' })).toBe(1);
  });

  it('binds booleans as TypeORM does and reports every statement to the logger, parameters included', async () => {
    const table = RawTable.of(dataSource.manager, NodeStateEntity);
    await table.insert(dataSource.manager, [state('log-1')]);
    recorder.queries.length = 0;
    expect(await table.update(dataSource.manager, { nodeId: 'log-1' }, { skip: false })).toBe(1);
    const [found] = await table.find(dataSource.manager, { nodeId: 'log-1', skip: false });
    expect(found).toMatchObject({ nodeId: 'log-1', skip: false, errorIgnored: false });
    expect(recorder.queries.map(({ sql }) => sql.split(' ')[0])).toEqual(['UPDATE', 'SELECT']);
    expect(recorder.queries[0]!.params).toEqual([0, 'log-1']);
    expect(recorder.queries[1]!.params).toEqual(['log-1', 0]);
  });

  it('throws a duplicate key as a QueryFailedError that isUniqueViolation recognises, and logs it', async () => {
    const table = RawTable.of(dataSource.manager, NodeStateEntity);
    await table.insert(dataSource.manager, [state('dup-1')]);
    const error = await table.insert(dataSource.manager, [state('dup-1')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation((error as QueryFailedError).driverError)).toBe(true);
    expect(recorder.errors.at(-1)).toMatch(/^INSERT INTO "eri_state"/);
  });
});
