import {
  NotFoundError,
  type CallbackSnapshot,
  type ContextValue,
  type ExecuteStepSnapshot,
  type NodeDefinition,
  type NodeStateRecord,
  type OperatorSnapshot,
  type ScheduleStepSnapshot,
} from '@bamboo/engine';
import { In, type EntityManager } from 'typeorm';
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

/**
 * The reads of the execution path, each a few primary- or unique-key SELECTs (spec 09 §2.1
 * indexes). Independent SELECTs are issued together: on MySQL they run on separate pooled
 * connections, on SQLite they queue on the one connection.
 */
export class StepReader {
  async executeStep(m: EntityManager, processId: string, nodeId: string): Promise<ExecuteStepSnapshot> {
    const process = await m.findOne(ProcessEntity, { where: { id: rowId(processId) } });
    if (!process) throw new NotFoundError(`process ${processId} does not exist`);
    const stateIds = [...new Set([...process.pipelineStack, nodeId])];
    const [states, nodeData, executionData] = await Promise.all([
      m.find(NodeStateEntity, { where: { nodeId: In(stateIds) } }),
      m.findOne(NodeDataEntity, { where: { nodeId } }),
      m.findOne(ExecutionDataEntity, { where: { nodeId } }),
    ]);
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

  async scheduleStep(
    m: EntityManager,
    query: { processId: string; nodeId: string; scheduleId: string; callbackDataId: string | null },
  ): Promise<ScheduleStepSnapshot> {
    const [process, state, schedule, executionData, callbackData] = await Promise.all([
      m.findOne(ProcessEntity, { where: { id: rowId(query.processId) } }),
      m.findOne(NodeStateEntity, { where: { nodeId: query.nodeId } }),
      m.findOne(ScheduleEntity, { where: { id: rowId(query.scheduleId) } }),
      m.findOne(ExecutionDataEntity, { where: { nodeId: query.nodeId } }),
      query.callbackDataId === null
        ? Promise.resolve(null)
        : m.findOne(CallbackDataEntity, { where: { id: rowId(query.callbackDataId), consumed: false } }),
    ]);
    return {
      process: process ? toProcessRecord(process) : undefined,
      state: state ? toStateRecord(state) : undefined,
      schedule: schedule ? toScheduleRecord(schedule) : undefined,
      executionData: executionData ? toExecutionData(executionData) : undefined,
      callbackData: callbackData ? toCallbackDataRecord(callbackData) : undefined,
    };
  }

  async callbackTarget(m: EntityManager, nodeId: string, version: string): Promise<CallbackSnapshot> {
    const [sleeping, state, schedule] = await Promise.all([
      m.find(ProcessEntity, { where: { asleep: true, dead: false, currentNodeId: nodeId } }),
      m.findOne(NodeStateEntity, { where: { nodeId } }),
      m.findOne(ScheduleEntity, { where: { nodeId, version } }),
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
      m.findOne(NodeEntity, { where: { nodeId } }),
      m.findOne(NodeStateEntity, { where: { nodeId } }),
      m.find(ProcessEntity, {
        where: [
          { dead: false, currentNodeId: nodeId },
          { dead: false, suspended: true, suspendedBy: nodeId },
        ],
        order: { id: 'ASC' },
      }),
      m.findOne(NodeDataEntity, { where: { nodeId } }),
      m.findOne(ExecutionDataEntity, { where: { nodeId } }),
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
    const rows = await m.find(ContextValueEntity, { where: { pipelineId, key: In(keys) } });
    const values = rows.map(toContextValue);
    if (!withReferences) return values;
    const loaded = new Set(values.map((value) => value.key));
    const missing = [...new Set(values.flatMap((value) => value.references))].filter((key) => !loaded.has(key));
    if (missing.length === 0) return values;
    const referenced = await m.find(ContextValueEntity, { where: { pipelineId, key: In(missing) } });
    return [...values, ...referenced.map(toContextValue)];
  }
}
