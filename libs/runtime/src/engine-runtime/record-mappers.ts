import type {
  CallbackDataRecord,
  ContextValue,
  ContextValueType,
  ExecutionData,
  HistoryRecord,
  NodeData,
  NodeInput,
  NodeStateName,
  NodeStateRecord,
  ProcessRecord,
  ScheduleRecord,
} from '@bamboo/engine';
import type {
  CallbackDataEntity,
  ContextValueEntity,
  ExecutionDataEntity,
  ExecutionHistoryEntity,
  NodeDataEntity,
  NodeStateEntity,
  ProcessEntity,
  ScheduleEntity,
} from '../persistence';

// Entity ↔ engine record conversions. Row ids are bigint columns; the engine sees decimal strings.

/** A bigint key from an engine id; the runtime's id generator only mints decimal integers. */
export function rowId(id: string): number {
  const value = Number(id);
  if (!Number.isSafeInteger(value) || String(value) !== id) {
    throw new Error(`id "${id}" is not a decimal integer: give the Engine the runtime's id generator`);
  }
  return value;
}

export function toStateRecord(row: NodeStateEntity): NodeStateRecord {
  return {
    nodeId: row.nodeId,
    rootId: row.rootId,
    parentId: row.parentId,
    name: row.name as NodeStateName,
    version: row.version,
    loop: row.loop,
    innerLoop: row.innerLoop,
    retry: row.retry,
    skip: row.skip,
    errorIgnored: row.errorIgnored,
    createdTime: row.createdTime,
    startedTime: row.startedTime,
    archivedTime: row.archivedTime,
  };
}

export function toStateRow(record: NodeStateRecord): Partial<NodeStateEntity> {
  return {
    nodeId: record.nodeId,
    rootId: record.rootId,
    parentId: record.parentId,
    name: record.name,
    version: record.version,
    loop: record.loop,
    innerLoop: record.innerLoop,
    retry: record.retry,
    skip: record.skip,
    errorIgnored: record.errorIgnored,
    createdTime: record.createdTime,
    startedTime: record.startedTime,
    archivedTime: record.archivedTime,
  };
}

export function toProcessRecord(row: ProcessEntity): ProcessRecord {
  return {
    id: String(row.id),
    parentId: Number(row.parentId) === -1 ? null : String(row.parentId),
    rootPipelineId: row.rootPipelineId,
    pipelineStack: row.pipelineStack,
    currentNodeId: row.currentNodeId,
    destinationId: row.destinationId,
    asleep: row.asleep,
    suspended: row.suspended,
    suspendedBy: row.suspendedBy,
    dead: row.dead,
    needAck: row.needAck,
    ackNum: row.ackNum,
    queue: row.queue,
    priority: row.priority,
    lastHeartbeat: row.lastHeartbeat,
    taskToken: row.taskToken,
  };
}

/** Columns of a process patch; `lastHeartbeat: null` keeps the stored time (the column is NOT NULL). */
export function toProcessPatch(patch: Partial<Omit<ProcessRecord, 'id'>>): Partial<ProcessEntity> {
  const row: Partial<ProcessEntity> = {};
  for (const [key, value] of Object.entries(patch) as Array<[keyof ProcessRecord, unknown]>) {
    if (value === undefined) continue;
    if (key === 'parentId') row.parentId = value === null ? -1 : rowId(value as string);
    else if (key === 'lastHeartbeat') {
      if (value !== null) row.lastHeartbeat = value as Date;
    } else (row as Record<string, unknown>)[key] = value;
  }
  return row;
}

export function toProcessRow(record: ProcessRecord, taskNodeId: string | null): Partial<ProcessEntity> {
  const { id, ...rest } = record;
  return { ...toProcessPatch(rest), id: rowId(id), taskNodeId };
}

const CONTEXT_TYPES: Record<ContextValueType, 1 | 2 | 3> = { PLAIN: 1, SPLICE: 2, COMPUTE: 3 };
const CONTEXT_TYPE_NAMES: Record<number, ContextValueType> = { 1: 'PLAIN', 2: 'SPLICE', 3: 'COMPUTE' };

export function toContextValue(row: ContextValueEntity): ContextValue {
  const value: ContextValue = {
    key: row.key,
    type: CONTEXT_TYPE_NAMES[row.type] ?? 'PLAIN',
    value: row.value,
    references: row.references,
  };
  if (row.code !== '') value.code = row.code;
  return value;
}

export function toContextRow(pipelineId: string, value: ContextValue): Partial<ContextValueEntity> {
  return {
    pipelineId,
    key: value.key,
    type: CONTEXT_TYPES[value.type],
    serializer: 'json',
    code: value.code ?? '',
    // JSON columns are NOT NULL: an absent value is stored as JSON null.
    value: value.value === undefined ? null : value.value,
    references: value.references,
  };
}

/** Node inputs are stored in bamboo-engine's shape `{key: {need_render, value}}`. */
export function toNodeData(row: NodeDataEntity): NodeData {
  const inputs: Record<string, NodeInput> = {};
  for (const [key, input] of Object.entries(row.inputs as Record<string, { need_render: boolean; value: unknown }>)) {
    inputs[key] = { needRender: input.need_render, value: input.value };
  }
  return { inputs };
}

export function toStoredInputs(data: NodeData): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, input] of Object.entries(data.inputs)) {
    inputs[key] = { need_render: input.needRender, value: input.value === undefined ? null : input.value };
  }
  return inputs;
}

export function toExecutionData(row: ExecutionDataEntity): ExecutionData {
  return { inputs: row.inputs, outputs: row.outputs };
}

export function toHistoryRecord(row: ExecutionHistoryEntity): HistoryRecord {
  return {
    id: String(row.id),
    nodeId: row.nodeId,
    loop: row.loop,
    retry: row.retry,
    skip: row.skip,
    version: row.version,
    startedTime: row.startedTime,
    archivedTime: row.archivedTime,
    inputs: row.inputs,
    outputs: row.outputs,
  };
}

export function toHistoryRow(record: HistoryRecord): Partial<ExecutionHistoryEntity> {
  return { ...record, id: rowId(record.id), inputsSerializer: 'json', outputsSerializer: 'json' };
}

export function toScheduleRecord(row: ScheduleEntity): ScheduleRecord {
  return {
    id: String(row.id),
    type: row.type,
    processId: String(row.processId),
    nodeId: row.nodeId,
    version: row.version,
    finished: row.finished,
    expired: row.expired,
    scheduling: row.scheduling,
    times: row.scheduleTimes,
  };
}

export function toScheduleRow(record: ScheduleRecord): Partial<ScheduleEntity> {
  const { times, lockedAt, ...rest } = record;
  const row = { ...rest, id: rowId(record.id), processId: rowId(record.processId), scheduleTimes: times };
  return lockedAt ? { ...row, lockAcquiredAt: lockedAt } : row;
}

export function toCallbackDataRecord(row: CallbackDataEntity): CallbackDataRecord {
  return {
    id: String(row.id),
    nodeId: row.nodeId,
    version: row.version,
    data: row.data as Record<string, unknown>,
  };
}

export function toCallbackDataRow(record: CallbackDataRecord): Partial<CallbackDataEntity> {
  return { ...record, id: rowId(record.id) };
}
