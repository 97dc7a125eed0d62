import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  ContextOutputsEntity,
  ContextValueEntity,
  ExecutionHistoryEntity,
  NodeDataEntity,
  NodeEntity,
  NodeStateEntity,
  PipelineInstanceEntity,
  ProcessEntity,
  ScheduleEntity,
  updateWhere,
} from '../../persistence';
import { Below, EarlierRow, RawTable, SameAs, SqlExpression } from '../raw-table';
import { insertRows } from '../sql-helpers';

const instant = new Date('2030-01-02T03:04:05.678Z');

/** Pairs of rows differing only in their unique key: one written by TypeORM, one by RawTable. */
const PAIRS: Array<{ entity: EntityTarget<ObjectLiteral>; key: string; row: (key: string) => ObjectLiteral }> = [
  {
    entity: ProcessEntity,
    key: 'id',
    row: (id) => ({
      id: Number(id),
      rootPipelineId: 'root',
      pipelineStack: ['root', 'sub'],
      currentNodeId: 'n1',
      asleep: false,
      suspended: true,
      dead: false,
      lastHeartbeat: instant,
      taskToken: null,
    }),
  },
  {
    entity: NodeStateEntity,
    key: 'nodeId',
    row: (nodeId) => ({
      nodeId,
      rootId: 'root',
      name: 'RUNNING',
      version: 'v1',
      skip: true,
      errorIgnored: false,
      createdTime: instant,
      startedTime: instant,
      archivedTime: null,
    }),
  },
  {
    entity: ScheduleEntity,
    key: 'nodeId',
    row: (nodeId) => ({ id: undefined, type: 2, processId: 7, nodeId, version: 'v1', scheduling: true }),
  },
  {
    entity: ContextValueEntity,
    key: 'key',
    row: (key) => ({ pipelineId: 'p', key, type: 1, value: { a: [1, 'é', null] }, references: ['${x}'] }),
  },
  {
    entity: ExecutionHistoryEntity,
    key: 'nodeId',
    row: (nodeId) => ({ nodeId, version: 'v', startedTime: instant, archivedTime: null, inputs: {}, outputs: 'x' }),
  },
  // The rows of prepareRun (RunDefinitionStore).
  {
    entity: NodeEntity,
    key: 'nodeId',
    row: (nodeId) => ({ nodeId, rootPipelineId: 'root', detail: { id: 'n', type: 'SubProcess', incoming: ['é'] } }),
  },
  {
    entity: NodeDataEntity,
    key: 'nodeId',
    row: (nodeId) => ({ nodeId, inputs: { k: { needRender: true, value: '${x}' } }, outputs: { a: 'b' } }),
  },
  {
    entity: ContextOutputsEntity,
    key: 'pipelineId',
    row: (pipelineId) => ({ pipelineId, outputs: ['${a}', '${b}'] }),
  },
  {
    entity: PipelineInstanceEntity,
    key: 'pipelineId',
    row: (pipelineId) => ({ pipelineId, name: 'ünï', tree: { id: 'p', activities: {} }, createdTime: instant }),
  },
];

/**
 * The hand-written statements of the hot path (RawTable) store and read exactly what TypeORM's
 * query builder does, so that both kinds of writers and readers share the tables.
 */
export function describeRawTableConformance(name: string, open: () => Promise<DataSource>): void {
  describe(`RawTable matches TypeORM: ${name}`, () => {
    let ds: DataSource;
    const stored = async (entity: EntityTarget<ObjectLiteral>, column: string, value: unknown) => {
      const metadata = ds.getMetadata(entity);
      const quote = (n: string) => ds.driver.escape(n);
      const rows: Array<Record<string, unknown>> = await ds.query(
        `SELECT * FROM ${quote(metadata.tableName)} WHERE ${quote(metadata.findColumnWithPropertyName(column)!.databaseName)} = ?`,
        [value],
      );
      expect(rows).toHaveLength(1);
      return rows[0]!;
    };

    beforeAll(async () => {
      ds = await open();
    });

    afterAll(async () => {
      await ds?.destroy();
    });

    const cases = PAIRS.map((pair, i) => [(pair.entity as { name: string }).name, pair, i] as const);
    it.each(cases)('inserts and reads %s rows alike', async (_, pair, i) => {
      const [ours, theirs] = [`${900 + 2 * i}`, `${901 + 2 * i}`];
      const m = ds.manager;
      await insertRows(m, pair.entity, [pair.row(theirs)]);
      await RawTable.of(m, pair.entity).insert(m, [pair.row(ours)]);
      const keyValue = (key: string) => (pair.key === 'id' ? Number(key) : key);
      const [a, b] = [
        await stored(pair.entity, pair.key, keyValue(theirs)),
        await stored(pair.entity, pair.key, keyValue(ours)),
      ];
      // Besides the keys, the insert times the rows do not give differ (database defaults).
      const metadata = ds.getMetadata(pair.entity);
      const differing = [
        'id',
        metadata.findColumnWithPropertyName(pair.key)!.databaseName,
        ...metadata.columns
          .filter((c) => (c.isCreateDate || c.isUpdateDate) && pair.row(ours)[c.propertyName] === undefined)
          .map((c) => c.databaseName),
      ];
      const strip = (row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).filter(([column]) => !differing.includes(column)));
      expect(strip(b)).toEqual(strip(a));

      const found = await RawTable.of(m, pair.entity).find(m, { [pair.key]: [keyValue(theirs), keyValue(ours)] });
      const expected = await m.find(pair.entity, { where: { [pair.key]: keyValue(ours) } });
      expect(found).toHaveLength(2);
      expect(found.find((row) => String(row[pair.key]) === ours)).toEqual({ ...expected[0] });
    });

    it('upserts the given columns on the unique key', async () => {
      const m = ds.manager;
      const table = RawTable.of(m, ContextValueEntity);
      const row = { pipelineId: 'up', key: 'k', type: 1, value: 1, references: [] };
      await table.upsert(m, [row], ['value'], ['pipelineId', 'key']);
      await table.upsert(m, [{ ...row, type: 3, value: { b: 2 } }], ['value'], ['pipelineId', 'key']);
      expect(await table.findOne(m, { pipelineId: 'up', key: 'k' })).toMatchObject({ type: 1, value: { b: 2 } });
    });

    it('updates as TypeORM does, counting matched rows', async () => {
      const m = ds.manager;
      const schedules = RawTable.of(m, ScheduleEntity);
      const base = { type: 1, processId: 1, version: 'v', scheduling: false };
      await insertRows(m, ScheduleEntity, [
        { ...base, nodeId: 'u-theirs' },
        { ...base, nodeId: 'u-ours' },
      ]);
      const lock = { scheduling: true, lockAcquiredAt: instant };
      expect(await updateWhere(ds, ScheduleEntity, { nodeId: 'u-theirs', scheduling: false }, lock)).toBe(1);
      expect(await schedules.update(m, { nodeId: 'u-ours', scheduling: false }, lock)).toBe(1);
      // matched but unchanged still counts (CLIENT_FOUND_ROWS on MySQL)
      expect(await schedules.update(m, { nodeId: 'u-ours', scheduling: true }, lock)).toBe(1);
      expect(await schedules.update(m, { nodeId: 'u-ours', scheduling: false }, lock)).toBe(0);
      const [a, b] = [
        await stored(ScheduleEntity, 'nodeId', 'u-theirs'),
        await stored(ScheduleEntity, 'nodeId', 'u-ours'),
      ];
      const keep = ['scheduling', 'lock_acquired_at', 'finished', 'schedule_times'];
      const pick = (row: Record<string, unknown>) => Object.fromEntries(keep.map((column) => [column, row[column]]));
      expect(pick(b)).toEqual(pick(a));
      expect(typeof b['updated_at']).toBe(typeof a['updated_at']);

      const later = new Date(instant.getTime() + 1);
      expect(await schedules.update(m, { nodeId: 'u-ours', lockAcquiredAt: new Below(instant) }, lock)).toBe(0);
      expect(await schedules.update(m, { nodeId: 'u-ours', lockAcquiredAt: new Below(later) }, lock)).toBe(1);
    });

    it('finds independent lookups in one statement, as separate finds would', async () => {
      const m = ds.manager;
      const [states, schedules, processes] = [NodeStateEntity, ScheduleEntity, ProcessEntity].map((entity) =>
        RawTable.of(m, entity),
      ) as [RawTable<NodeStateEntity>, RawTable<ScheduleEntity>, RawTable<ProcessEntity>];
      await states.insert(m, [{ nodeId: 'fe', name: 'RUNNING', version: 'v1', createdTime: instant }]);
      await processes.insert(m, [
        { id: 980, rootPipelineId: 'r', pipelineStack: ['r'], currentNodeId: 'fe', lastHeartbeat: instant },
        { id: 981, rootPipelineId: 'r', pipelineStack: [], currentNodeId: 'fe', asleep: false },
        { id: 982, rootPipelineId: 'r', pipelineStack: [], currentNodeId: 'fe', dead: true },
      ]);
      const byId = (rows: ProcessEntity[]) => [...rows].sort((a, b) => a.id - b.id);
      const onNode = { currentNodeId: 'fe', dead: false };
      const [state, schedule, alive] = await RawTable.findEach(m, [
        { table: states, where: { nodeId: 'fe' } },
        { table: schedules, where: { nodeId: 'fe', version: 'v1' } },
        { table: processes, where: onNode },
      ]);
      expect(state).toEqual(await states.find(m, { nodeId: 'fe' }));
      expect(schedule).toEqual([]);
      expect(byId(alive)).toEqual(byId(await processes.find(m, onNode)));
      expect(alive.map((row) => row.id).sort()).toEqual([980, 981]);

      const none = await RawTable.findEach(m, [
        { table: processes, where: { currentNodeId: 'fe', asleep: true, dead: false, id: [] } },
        { table: states, where: { nodeId: 'absent' } },
      ]);
      expect(none).toEqual([[], []]);
    });

    it('follows an earlier lookup within one statement', async () => {
      const m = ds.manager;
      const processes = RawTable.of(m, ProcessEntity);
      const states = RawTable.of(m, NodeStateEntity);
      await processes.insert(m, [{ id: 985, rootPipelineId: 'fe-root', pipelineStack: ['fe-root', 'fe-sub'] }]);
      await states.insert(m, [
        { nodeId: 'fe-root', name: 'RUNNING', version: 'r', createdTime: instant },
        { nodeId: 'fe-sub', name: 'RUNNING', version: 's', createdTime: instant },
        { nodeId: 'fe-node', name: 'READY', version: 'n', createdTime: instant },
      ]);
      const root = new EarlierRow(0, processes, 'rootPipelineId');
      const [[process], found] = await RawTable.findEach(m, [
        { table: processes, where: { id: 985 } },
        { table: states, where: { nodeId: ['fe-node', root] } },
      ]);
      expect(process?.rootPipelineId).toBe('fe-root');
      const byNode = (rows: NodeStateEntity[]) => [...rows].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
      expect(byNode(found)).toEqual(byNode(await states.find(m, { nodeId: ['fe-node', 'fe-root'] })));
      // Items of a JSON array column; past its end, nothing.
      const stack = [0, 1, 2].map((i) => new EarlierRow(0, processes, 'pipelineStack', i));
      const [, inStack] = await RawTable.findEach(m, [
        { table: processes, where: { id: 985 } },
        { table: states, where: { nodeId: stack } },
      ]);
      expect(byNode(inStack)).toEqual(byNode(await states.find(m, { nodeId: ['fe-root', 'fe-sub'] })));
      // No earlier row: the condition on it matches nothing, the rest still applies.
      const [none, alone] = await RawTable.findEach(m, [
        { table: processes, where: { id: 986 } },
        { table: states, where: { nodeId: root } },
      ]);
      expect([none, alone]).toEqual([[], []]);
      // Only a later lookup of the same statement can refer to an earlier one.
      await expect(states.find(m, { nodeId: root })).rejects.toThrow(/only possible in a later findEach lookup/);
    });

    it('compares columns, takes SQL expressions and checks NULL', async () => {
      const m = ds.manager;
      const processes = RawTable.of(m, ProcessEntity);
      await processes.insert(m, [
        { id: 990, rootPipelineId: 'r', pipelineStack: [], needAck: 2, ackNum: 1 },
        { id: 991, rootPipelineId: 'r', pipelineStack: [], lastHeartbeat: instant },
      ]);
      // A row that does not give a column gets its default, beside one that does.
      expect(await processes.findOne(m, { id: 991 })).toMatchObject({ lastHeartbeat: instant, needAck: -1 });
      expect((await processes.findOne(m, { id: 990 }))?.lastHeartbeat).toBeInstanceOf(Date);
      expect(await processes.update(m, { id: 990, taskToken: null }, {})).toBe(1);
      expect(await processes.update(m, { id: 990, taskToken: 't' }, {})).toBe(0);
      expect(await processes.update(m, { id: 990, ackNum: new SameAs('needAck') }, { needAck: -1 })).toBe(0);
      expect(await processes.update(m, { id: 990 }, { ackNum: new SqlExpression('ack_num + 1') })).toBe(1);
      expect(await processes.update(m, { id: 990, ackNum: new SameAs('needAck') }, { taskToken: 't' })).toBe(1);
      expect(await processes.findOne(m, { id: 990, taskToken: 't' })).toMatchObject({ ackNum: 2, asleep: true });
    });
  });
}
