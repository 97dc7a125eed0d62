import type { NodeStateName } from '../states/node-state';
import type { Dispatch, ExecuteTask } from './engine-task';
import type {
  CallbackDataRecord,
  ContextValue,
  ExecutionData,
  HistoryRecord,
  NodeData,
  NodeStateRecord,
  ProcessRecord,
  ScheduleRecord,
} from './runtime-records';
import type { RollbackWrites } from './rollback-records';

/**
 * A state write with its compare-and-set condition. `expect: null` means "the record must not
 * exist"; otherwise the stored record must still have that version and name.
 */
export interface StateWrite {
  record: NodeStateRecord;
  expect: { version: string; name: NodeStateName } | null;
}

/** Changes to a process; `expectToken` makes the write conditional on the process's task token. */
export interface ProcessWrite {
  id: string;
  patch: Partial<Omit<ProcessRecord, 'id'>>;
  expectToken?: string | null;
}

/** Arrival of a child at its converge gateway (spec 03 §6). */
export interface JoinAck {
  childProcessId: string;
  parentProcessId: string;
  /**
   * The task that wakes the parent. The runtime adds 1 to the parent's `ackNum` atomically; the
   * commit whose increment reaches `needAck` resets the counters, stores this task's token on the
   * parent and dispatches it. Exactly one child wins.
   */
  wakeParent: ExecuteTask;
}

export interface SchedulePatch {
  id: string;
  patch: Partial<Pick<ScheduleRecord, 'finished' | 'expired' | 'scheduling' | 'times'>>;
}

/**
 * Every effect of one engine step, applied all-or-nothing. Dispatches are an outbox: the runtime
 * enqueues them only after the transaction committed, so no worker ever sees uncommitted work.
 */
export interface StepCommit {
  /**
   * Node ids whose state, execution data, histories, schedules and callback data are deleted
   * (rollback clean-up). Applied before every other effect of the commit, so a `StateWrite` with
   * `expect: null` may recreate a deleted state in the same commit.
   */
  deleteNodeRecords?: string[];
  states?: StateWrite[];
  /** Set `innerLoop = 0` on every state whose parent is one of these pipelines (SubProcess entry). */
  resetInnerLoopOf?: string[];
  executionData?: Array<{ nodeId: string; data: ExecutionData }>;
  /** Replaces only the outputs of execution data (inputs kept, `{}` when none): pipeline outputs. */
  executionOutputs?: Array<{ nodeId: string; outputs: Record<string, unknown> }>;
  histories?: HistoryRecord[];
  /** Upserts into pipeline contexts; plain values written by nodes carry `references: []`. */
  context?: Array<{ pipelineId: string; values: ContextValue[] }>;
  nodeData?: Array<{ nodeId: string; data: NodeData }>;
  processes?: ProcessWrite[];
  newProcesses?: ProcessRecord[];
  join?: JoinAck;
  newSchedules?: ScheduleRecord[];
  schedules?: SchedulePatch[];
  callbackData?: CallbackDataRecord[];
  /**
   * Callback-data ids a schedule step consumed: afterwards `loadScheduleStep` returns
   * `callbackData: undefined` for them (the rows may be kept), so a redelivered task is dropped.
   */
  consumeCallbackData?: string[];
  /** Moves stored log lines of an attempt to a new version (`forced_fail_activity`, spec 09 §9). */
  relabelLogs?: Array<{ nodeId: string; fromVersion: string; toVersion: string }>;
  /** Rollback snapshots, plans and runs (spec 09 §8), applied after every other effect. */
  rollback?: RollbackWrites;
  dispatch?: Dispatch[];
}

/** What a commit reports back. */
export interface CommitOutcome {
  /** True when this commit's join acknowledgement woke the parent. */
  parentWoken: boolean;
}
