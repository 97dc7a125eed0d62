import type {
  CallbackDataRecord,
  ExecutionData,
  NodeData,
  NodeStateRecord,
  ProcessRecord,
  ScheduleRecord,
} from './runtime-records';

/** Everything an execute step reads, in one round trip. */
export interface ExecuteStepSnapshot {
  process: ProcessRecord;
  /** States of the pipelines of the process's stack, keyed by pipeline id (absent: none). */
  pipelineStates: Record<string, NodeStateRecord>;
  /** The node's state, if any. */
  state: NodeStateRecord | undefined;
  /** The node's configured data, if it has any (activities, subprocesses, start events). */
  nodeData: NodeData | undefined;
  /** The node's latest execution data, if any (needed for histories on re-entry). */
  executionData: ExecutionData | undefined;
}

/** Everything a schedule step reads, in one round trip. */
export interface ScheduleStepSnapshot {
  process: ProcessRecord | undefined;
  state: NodeStateRecord | undefined;
  schedule: ScheduleRecord | undefined;
  executionData: ExecutionData | undefined;
  callbackData: CallbackDataRecord | undefined;
}

/** What the `callback` command reads. */
export interface CallbackSnapshot {
  /** Sleeping processes whose current node is the node. */
  sleepingProcesses: ProcessRecord[];
  state: NodeStateRecord | undefined;
  schedule: ScheduleRecord | undefined;
}
