import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DataSource, In, QueryFailedError } from 'typeorm';
import { updateWhere } from './conditional-update';
import { ContextValueEntity, NodeStateEntity, ProcessEntity, ScheduleEntity } from './entities';
import { RawTable } from '../engine-runtime/raw-table';
import { MIGRATIONS_TABLE } from './bamboo-data-source';
import { SAMPLE_ROWS } from './sample-rows.conformance';

export interface OpenedDatabase {
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The storage contract both drivers must honour: migrations build exactly the schema the entities
 * describe, every entity round-trips, and conditional updates report matched rows.
 */
export function describePersistenceConformance(name: string, open: () => Promise<OpenedDatabase>): void {
  describe(`persistence conformance: ${name}`, () => {
    let db: OpenedDatabase;
    let ds: DataSource;

    beforeAll(async () => {
      db = await open();
      ds = db.dataSource;
    });

    afterAll(async () => {
      await db?.close();
    });

    it('applies every migration once and leaves nothing pending', async () => {
      expect(await ds.showMigrations()).toBe(false);
      const applied: unknown[] = await ds.query(`SELECT * FROM ${MIGRATIONS_TABLE}`);
      expect(applied).toHaveLength(ds.migrations.length);
    });

    it('produces the schema the entities describe (no drift)', async () => {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });

    it.each(SAMPLE_ROWS.map((row) => [row.entity.name, row] as const))('writes and reads %s', async (_, row) => {
      const repository = ds.getRepository(row.entity);
      const saved = await repository.save(repository.create(row.write));
      const key = repository.getId(saved) as unknown;
      expect(key).toBeDefined();

      const loaded = await repository.findOneByOrFail(repository.metadata.getEntityIdMap(saved)!);
      expect(loaded).toMatchObject({ ...row.defaults, ...row.write });
      for (const column of repository.metadata.columns) {
        if (column.isCreateDate || column.isUpdateDate) {
          expect(column.getEntityValue(loaded)).toBeInstanceOf(Date);
        }
      }
    });

    it('keeps millisecond UTC instants', async () => {
      const instant = new Date('2030-01-02T03:04:05.678Z');
      const state = await ds.getRepository(NodeStateEntity).save({
        nodeId: 'time-node',
        name: 'FINISHED',
        version: 'v',
        startedTime: instant,
        archivedTime: instant,
      });
      const loaded = await ds.getRepository(NodeStateEntity).findOneByOrFail({ id: state.id });
      expect(loaded.startedTime?.toISOString()).toBe(instant.toISOString());
      expect(typeof loaded.id).toBe('number');
    });

    it('compare-and-sets a state on its version: one row, then zero', async () => {
      await ds.getRepository(NodeStateEntity).insert({ nodeId: 'cas-node', name: 'READY', version: 'v1' });
      const move = (): Promise<number> =>
        updateWhere(
          ds,
          NodeStateEntity,
          { nodeId: 'cas-node', version: 'v1', name: In(['READY']) },
          {
            name: 'RUNNING',
            version: 'v2',
          },
        );

      expect(await move()).toBe(1);
      expect(await move()).toBe(0);
      const state = await ds.getRepository(NodeStateEntity).findOneByOrFail({ nodeId: 'cas-node' });
      expect(state).toMatchObject({ name: 'RUNNING', version: 'v2' });
    });

    it('counts matched rows even when the values do not change', async () => {
      await ds.getRepository(NodeStateEntity).insert({ nodeId: 'same-node', name: 'RUNNING', version: 'v1' });
      expect(await updateWhere(ds, NodeStateEntity, { nodeId: 'same-node' }, { name: 'RUNNING' })).toBe(1);
    });

    it('takes a schedule lock once by conditional update', async () => {
      const { id } = await ds.getRepository(ScheduleEntity).save({ type: 2, nodeId: 'lock-node', version: 'v1' });
      const lock = (): Promise<number> =>
        updateWhere(ds, ScheduleEntity, { id, scheduling: false }, { scheduling: true, lockAcquiredAt: new Date() });

      expect(await lock()).toBe(1);
      expect(await lock()).toBe(0);
      expect(await updateWhere(ds, ScheduleEntity, { id, scheduling: true }, { scheduling: false })).toBe(1);
      await ds.getRepository(ScheduleEntity).increment({ id }, 'scheduleTimes', 1);
      expect((await ds.getRepository(ScheduleEntity).findOneByOrFail({ id })).scheduleTimes).toBe(1);
    });

    it('lets exactly one child acknowledge a join', async () => {
      const parent = await ds.getRepository(ProcessEntity).save({ rootPipelineId: 'join', pipelineStack: ['join'] });
      await updateWhere(ds, ProcessEntity, { id: parent.id }, { ackNum: 0, needAck: 2 });

      const finishChild = (): Promise<number> =>
        ds.transaction(async (manager) => {
          await updateWhere(manager, ProcessEntity, { id: parent.id }, { ackNum: () => 'ack_num + 1' });
          return updateWhere(manager, ProcessEntity, { id: parent.id, ackNum: 2 }, { ackNum: 0, needAck: -1 });
        });

      expect(await finishChild()).toBe(0);
      expect(await finishChild()).toBe(1);
      expect(await ds.getRepository(ProcessEntity).findOneByOrFail({ id: parent.id })).toMatchObject({
        ackNum: 0,
        needAck: -1,
      });
    });

    it('refuses a second state for a node and a second schedule for a node version', async () => {
      await ds.getRepository(NodeStateEntity).insert({ nodeId: 'unique-node', name: 'READY', version: 'v1' });
      await expect(
        ds.getRepository(NodeStateEntity).insert({ nodeId: 'unique-node', name: 'READY', version: 'v2' }),
      ).rejects.toBeInstanceOf(QueryFailedError);

      await ds.getRepository(ScheduleEntity).insert({ type: 1, nodeId: 'unique-node', version: 'v1' });
      await expect(
        ds.getRepository(ScheduleEntity).insert({ type: 1, nodeId: 'unique-node', version: 'v1' }),
      ).rejects.toBeInstanceOf(QueryFailedError);
    });

    it('stores JSON null in a JSON column as the text null and reads it back as null', async () => {
      const values = ds.getRepository(ContextValueEntity);
      const viaOrm = Object.assign(new ContextValueEntity(), { pipelineId: 'p-null', key: '${orm}', type: 1 as const });
      await values.save(Object.assign(viaOrm, { value: null, references: [] }));
      await RawTable.of(ds.manager, ContextValueEntity).insert(ds.manager, [
        { pipelineId: 'p-null', key: '${raw}', type: 1, value: null, references: [] },
      ]);
      const read = await RawTable.of(ds.manager, ContextValueEntity).find(ds.manager, { pipelineId: 'p-null' });
      expect(read.map((row) => [row.key, row.value])).toEqual(
        expect.arrayContaining([
          ['${orm}', null],
          ['${raw}', null],
        ]),
      );
      expect((await values.findOneByOrFail({ key: '${raw}' })).value).toBeNull();
      const stored = await ds.query<Array<{ value: unknown }>>(
        `SELECT value FROM eri_context_value WHERE pipeline_id = 'p-null'`,
      );
      expect(stored.map((row) => row.value)).toEqual(['null', 'null']);
    });

    it('treats ids and context keys case-sensitively', async () => {
      await ds.getRepository(NodeStateEntity).insert({ nodeId: 'Case-Node', name: 'READY', version: 'v1' });
      await ds.getRepository(NodeStateEntity).insert({ nodeId: 'case-node', name: 'READY', version: 'v1' });
      expect(await ds.getRepository(NodeStateEntity).countBy({ nodeId: 'case-node' })).toBe(1);
    });
  });
}
