import {
  NotFoundError,
  type CallbackSnapshot,
  type ContextValue,
  type ExecuteStepSnapshot,
  type NodeDefinition,
  type NodeStateRecord,
  type OperatorSnapshot,
  type ScheduleStepQuery,
  type ScheduleStepSnapshot,
} from '@bamboo/engine';
import type { EntityManager } from 'typeorm';
import {
  CallbackDataEntity,
  ContextValueEntity,
  ExecutionDataEntity,
  NodeDataEntity,
  NodeEntity,
  NodeStateEntity,
  ProcessEntity,
  ScheduleEntity,
} from '../persistence';
import { EarlierRow, RawTable, type ResultRow, type Statement } from './raw-table';
import {
  rowId,
  toCallbackDataRecord,
  toContextValue,
  toExecutionData,
  toNodeData,
  toProcessRecord,
  toScheduleRecord,
  toStateRecord,
} from './record-mappers';

/** Pipelines of a process's stack whose states `executeStep` reads with the process. */
const STACK_READ = 4;
const STACK_ITEMS = Array.from({ length: STACK_READ }, (_, i) => i);

/**
 * The reads of the execution path, each a few primary- or unique-key SELECTs (spec 09 §2.1
 * indexes). Independent lookups of a step are joined into one statement (RawTable.findEach): one
 * round trip on MySQL instead of one pooled connection each. They bypass the query builder
 * (RawTable): fixed SQL texts, cached per shape.
 */
export class StepReader {
  /**
   * One statement: the process, the states of the node and of the first STACK_READ pipelines of
   * its stack (the root, then the subprocesses it is in), the node's data and its execution data.
   * Only a process nested deeper needs a second SELECT, for the rest of its stack.
   */
  async executeStep(m: EntityManager, processId: string, nodeId: string): Promise<ExecuteStepSnapshot> {
    const processes = RawTable.of(m, ProcessEntity);
    const stateTable = RawTable.of(m, NodeStateEntity);
    const stack = STACK_ITEMS.map((i) => new EarlierRow(0, processes, 'pipelineStack', i));
    const [[process], read, [nodeData], [executionData]] = await RawTable.findEach(m, [
      { table: processes, where: { id: rowId(processId) } },
      { table: stateTable, where: { nodeId: [nodeId, ...stack] } },
      { table: RawTable.of(m, NodeDataEntity), where: { nodeId } },
      { table: RawTable.of(m, ExecutionDataEntity), where: { nodeId } },
    ]);
    if (!process) throw new NotFoundError(`process ${processId} does not exist`);
    const rest = [...new Set(process.pipelineStack.slice(STACK_READ))].filter((id) => id !== nodeId);
    const states = rest.length === 0 ? read : [...read, ...(await stateTable.find(m, { nodeId: rest }))];
    const byId = new Map(states.map((row) => [row.nodeId, toStateRecord(row)]));
    const pipelineStates: Record<string, NodeStateRecord> = {};
    for (const id of process.pipelineStack) {
      const state = byId.get(id);
      if (state) pipelineStates[id] = state;
    }
    return {
      process: toProcessRecord(process),
      pipelineStates,
      state: byId.get(nodeId),
      nodeData: nodeData ? toNodeData(nodeData) : undefined,
      executionData: executionData ? toExecutionData(executionData) : undefined,
    };
  }

  /** One statement: every lookup is by primary or unique key. */
  async scheduleStep(m: EntityManager, query: ScheduleStepQuery): Promise<ScheduleStepSnapshot> {
    return scheduleSnapshotOf(await RawTable.findEach(m, scheduleStepLookups(m, query)));
  }

  /**
   * `scheduleStep`'s one statement, unsent, and how to read the rows it answers: the MySQL runtime
   * sends it in the round trip that takes the schedule lock.
   */
  scheduleStepStatement(
    m: EntityManager,
    query: ScheduleStepQuery,
  ): Statement & { snapshotOf(rows: ReadonlyArray<ResultRow>): ScheduleStepSnapshot } {
    const read = RawTable.findEachStatement(scheduleStepLookups(m, query));
    return { sql: read.sql, params: read.params, snapshotOf: (rows) => scheduleSnapshotOf(read.rowsOf(rows)) };
  }

  /** One statement: the state and the schedule are unique-key lookups, the sleeping processes usually one. */
  async callbackTarget(m: EntityManager, nodeId: string, version: string): Promise<CallbackSnapshot> {
    const [[state], [schedule], sleeping] = await RawTable.findEach(m, [
      { table: RawTable.of(m, NodeStateEntity), where: { nodeId } },
      { table: RawTable.of(m, ScheduleEntity), where: { nodeId, version } },
      { table: RawTable.of(m, ProcessEntity), where: { asleep: true, dead: false, currentNodeId: nodeId } },
    ]);
    return {
      sleepingProcesses: sleeping.map(toProcessRecord),
      state: state ? toStateRecord(state) : undefined,
      schedule: schedule ? toScheduleRecord(schedule) : undefined,
    };
  }

  /** Spec 06 operator commands: the node wherever it is defined, its state, processes and data. */
  async operatorTarget(m: EntityManager, nodeId: string): Promise<OperatorSnapshot> {
    const [node, state, processes, nodeData, executionData] = await Promise.all([
      RawTable.of(m, NodeEntity).findOne(m, { nodeId }),
      RawTable.of(m, NodeStateEntity).findOne(m, { nodeId }),
      RawTable.of(m, ProcessEntity).find(
        m,
        [
          { dead: false, currentNodeId: nodeId },
          { dead: false, suspended: true, suspendedBy: nodeId },
        ],
        { orderById: true },
      ),
      RawTable.of(m, NodeDataEntity).findOne(m, { nodeId }),
      RawTable.of(m, ExecutionDataEntity).findOne(m, { nodeId }),
    ]);
    return {
      node: node ? (node.detail as unknown as NodeDefinition) : undefined,
      state: state ? toStateRecord(state) : undefined,
      processesOnNode: processes.filter((p) => p.currentNodeId === nodeId).map(toProcessRecord),
      suspendedBy: processes.filter((p) => p.suspended && p.suspendedBy === nodeId).map(toProcessRecord),
      nodeData: nodeData ? toNodeData(nodeData) : undefined,
      executionData: executionData ? toExecutionData(executionData) : undefined,
    };
  }

  /** Values of `keys`, then (one more SELECT, only when needed) the keys they reference. */
  async context(
    m: EntityManager,
    pipelineId: string,
    keys: string[],
    withReferences: boolean,
  ): Promise<ContextValue[]> {
    if (keys.length === 0) return [];
    const table = RawTable.of(m, ContextValueEntity);
    const rows = await table.find(m, { pipelineId, key: keys });
    const values = rows.map(toContextValue);
    if (!withReferences) return values;
    const loaded = new Set(values.map((value) => value.key));
    const missing = [...new Set(values.flatMap((value) => value.references))].filter((key) => !loaded.has(key));
    if (missing.length === 0) return values;
    const referenced = await table.find(m, { pipelineId, key: missing });
    return [...values, ...referenced.map(toContextValue)];
  }
}

/** The lookups of a schedule step, each by primary or unique key. */
function scheduleStepLookups(m: EntityManager, query: ScheduleStepQuery) {
  // Without callback data, its lookup is `id IN ()`: it matches nothing and costs nothing.
  const callbackDataIds = query.callbackDataId === null ? [] : [rowId(query.callbackDataId)];
  return [
    { table: RawTable.of(m, ProcessEntity), where: { id: rowId(query.processId) } },
    { table: RawTable.of(m, NodeStateEntity), where: { nodeId: query.nodeId } },
    { table: RawTable.of(m, ScheduleEntity), where: { id: rowId(query.scheduleId) } },
    { table: RawTable.of(m, ExecutionDataEntity), where: { nodeId: query.nodeId } },
    { table: RawTable.of(m, CallbackDataEntity), where: { id: callbackDataIds, consumed: false } },
  ] as const;
}

function scheduleSnapshotOf([[process], [state], [schedule], [executionData], [callbackData]]: [
  ProcessEntity[],
  NodeStateEntity[],
  ScheduleEntity[],
  ExecutionDataEntity[],
  CallbackDataEntity[],
]): ScheduleStepSnapshot {
  return {
    process: process ? toProcessRecord(process) : undefined,
    state: state ? toStateRecord(state) : undefined,
    schedule: schedule ? toScheduleRecord(schedule) : undefined,
    executionData: executionData ? toExecutionData(executionData) : undefined,
    callbackData: callbackData ? toCallbackDataRecord(callbackData) : undefined,
  };
}
