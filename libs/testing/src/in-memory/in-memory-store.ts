import type {
  CallbackDataRecord,
  ContextValue,
  ExecutionData,
  HistoryRecord,
  NodeData,
  NodeStateRecord,
  ProcessRecord,
  RunDefinition,
  ScheduleRecord,
} from '@bamboo/engine';
import { InMemoryRollbackTables } from './in-memory-rollback';

/** The tables of the in-memory runtime. Records are stored as copies, never shared with callers. */
export class InMemoryStore {
  readonly runs = new Map<string, RunDefinition>();
  readonly states = new Map<string, NodeStateRecord>();
  readonly processes = new Map<string, ProcessRecord>();
  readonly nodeData = new Map<string, NodeData>();
  readonly executionData = new Map<string, ExecutionData>();
  readonly histories: HistoryRecord[] = [];
  /** pipeline id → key → value */
  readonly contexts = new Map<string, Map<string, ContextValue>>();
  readonly schedules = new Map<string, ScheduleRecord>();
  readonly callbackData = new Map<string, CallbackDataRecord>();
  readonly consumedCallbackData = new Set<string>();
  /** Node log lines in write order. */
  readonly logs: Array<{ nodeId: string; version: string; line: string }> = [];
  readonly rollback = new InMemoryRollbackTables();

  /** Rollback clean-up: every record keyed by one of `nodeIds` (StepCommit.deleteNodeRecords). */
  deleteNodeRecords(nodeIds: string[]): void {
    const ids = new Set(nodeIds);
    for (const id of ids) {
      this.states.delete(id);
      this.executionData.delete(id);
    }
    const kept = this.histories.filter((h) => !ids.has(h.nodeId));
    this.histories.splice(0, this.histories.length, ...kept);
    for (const [id, schedule] of this.schedules) if (ids.has(schedule.nodeId)) this.schedules.delete(id);
    for (const [id, record] of this.callbackData) if (ids.has(record.nodeId)) this.callbackData.delete(id);
  }

  contextOf(pipelineId: string): Map<string, ContextValue> {
    let context = this.contexts.get(pipelineId);
    if (!context) {
      context = new Map();
      this.contexts.set(pipelineId, context);
    }
    return context;
  }
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
