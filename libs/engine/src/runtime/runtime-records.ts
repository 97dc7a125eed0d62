import type { NodeStateName } from '../states/node-state';

/**
 * The records the engine reads and writes through the runtime port. They are plain data (no
 * technology types) so that the in-memory, SQLite and MySQL runtimes store them the same way.
 */

/** One node's (or pipeline's) state record (spec 01 §4). */
export interface NodeStateRecord {
  nodeId: string;
  rootId: string;
  parentId: string;
  name: NodeStateName;
  version: string;
  loop: number;
  innerLoop: number;
  retry: number;
  skip: boolean;
  errorIgnored: boolean;
  createdTime: Date;
  startedTime: Date | null;
  archivedTime: Date | null;
}

/** A process: one line of execution (spec 01 §8). */
export interface ProcessRecord {
  id: string;
  /** Parent process id, or null for the root process. */
  parentId: string | null;
  rootPipelineId: string;
  pipelineStack: string[];
  currentNodeId: string;
  /** Converge gateway where a child stops; `''` for the root process. */
  destinationId: string;
  asleep: boolean;
  suspended: boolean;
  suspendedBy: string;
  dead: boolean;
  needAck: number;
  ackNum: number;
  queue: string;
  priority: number;
  lastHeartbeat: Date | null;
  /**
   * Token of the one execute task allowed to drive this process next; null while none is in
   * flight. A task whose token differs is a duplicate or stale delivery and is dropped.
   */
  taskToken: string | null;
}

export interface NodeInput {
  needRender: boolean;
  value: unknown;
}

/** Per-node configured data that may change during a run (`retry_node` replaces inputs). */
export interface NodeData {
  inputs: Record<string, NodeInput>;
}

export type ContextValueType = 'PLAIN' | 'SPLICE' | 'COMPUTE';

/** One variable of a pipeline's context (spec 04 §2). */
export interface ContextValue {
  key: string;
  type: ContextValueType;
  value: unknown;
  code?: string;
  /** Every key this value references, directly or indirectly. */
  references: string[];
}

/** `{inputs, outputs}` of a node's latest attempt (also of pipelines: their declared outputs). */
export interface ExecutionData {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** A previous attempt of a node (spec 01 §7.5). */
export interface HistoryRecord {
  id: string;
  nodeId: string;
  loop: number;
  retry: number;
  skip: boolean;
  version: string;
  startedTime: Date | null;
  archivedTime: Date | null;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** Stored schedule type codes, as bamboo-engine stores them. */
export type ScheduleTypeCode = 1 | 2 | 3;

/** One schedule per `(nodeId, version)` (spec 01 §1, spec 03 §5). */
export interface ScheduleRecord {
  id: string;
  type: ScheduleTypeCode;
  processId: string;
  nodeId: string;
  version: string;
  finished: boolean;
  expired: boolean;
  /** The schedule lock. */
  scheduling: boolean;
  times: number;
  /**
   * Only on a record created with its lock taken (`scheduling: true`): when the lock was taken, from
   * which the runtime's lock TTL counts.
   */
  lockedAt?: Date;
}

export interface CallbackDataRecord {
  id: string;
  nodeId: string;
  version: string;
  data: Record<string, unknown>;
}
