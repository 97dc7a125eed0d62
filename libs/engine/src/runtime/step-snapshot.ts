import type { NodeDefinition } from './node-definition';
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

/** What a schedule step reads: its process, node and schedule, and the callback data it consumes. */
export interface ScheduleStepQuery {
  processId: string;
  nodeId: string;
  scheduleId: string;
  callbackDataId: string | null;
}

/** The attempt a callback is for. */
export interface CallbackTargetQuery {
  nodeId: string;
  version: string;
}

/** What the `callback` command reads. */
export interface CallbackSnapshot {
  /** Sleeping processes whose current node is the node. */
  sleepingProcesses: ProcessRecord[];
  state: NodeStateRecord | undefined;
  schedule: ScheduleRecord | undefined;
}

/**
 * What an operator command on one node or pipeline reads (spec 06 A.3–A.13, A.20), in one call.
 * Every field is read in the same snapshot; commands then commit conditionally on what they read.
 */
export interface OperatorSnapshot {
  /** The node's definition in whichever run holds it; undefined for root pipelines and unknown ids. */
  node: NodeDefinition | undefined;
  /** The node's (or pipeline's) state record, if any (a pause booking has empty root/parent ids). */
  state: NodeStateRecord | undefined;
  /** Processes with `dead = false` whose `currentNodeId` is the id, asleep or not. */
  processesOnNode: ProcessRecord[];
  /** Processes with `suspended = true`, `dead = false` and `suspendedBy` equal to the id. */
  suspendedBy: ProcessRecord[];
  nodeData: NodeData | undefined;
  executionData: ExecutionData | undefined;
}
