import type { RunDefinition } from './node-definition';
import type { RunPlan } from './run-plan';
import type {
  ContextValue,
  ExecutionData,
  HistoryRecord,
  NodeData,
  NodeStateRecord,
  ProcessRecord,
} from './runtime-records';
import type { RollbackState } from './rollback-records';
import type { CommitOutcome, StepCommit } from './step-commit';
import type {
  CallbackSnapshot,
  CallbackTargetQuery,
  ExecuteStepSnapshot,
  OperatorSnapshot,
  ScheduleStepQuery,
  ScheduleStepSnapshot,
} from './step-snapshot';

/**
 * The engine's only way to storage and queues. It is shaped around steps, not rows (ADR 0003):
 * a step reads what it needs in one call, runs pure logic (and at most one piece of user code),
 * then commits all its effects in one atomic call whose dispatches leave only after the commit.
 *
 * Concurrency contract:
 * - `commit` is all-or-nothing. Every `StateWrite` is a compare-and-set on `(version, name)`; a
 *   `ProcessWrite` with `expectToken` is a compare-and-set on the process's task token. On any
 *   mismatch nothing is applied and `StateVersionNotMatchError` is thrown.
 * - `JoinAck` increments the parent's acknowledgement counter atomically; exactly one child wakes it.
 * - `acquireScheduleLock` is an atomic `scheduling: false → true`.
 * - Dispatches are enqueued after the commit succeeded (outbox); a failed commit dispatches nothing.
 *
 * Implementations must not leak technology types (connections, entities, jobs) through it.
 */
export interface EngineRuntime {
  /** Stores a whole run and its first dispatch in one transaction (spec 03 §2). */
  prepareRun(plan: RunPlan): Promise<void>;

  /** The immutable definition of a run; engines cache it. Throws `NotFoundError` when unknown. */
  loadRunDefinition(rootPipelineId: string): Promise<RunDefinition>;

  /** One read for an execute step: process, stack pipeline states, node state, data, execution data. */
  loadExecuteStep(processId: string, nodeId: string): Promise<ExecuteStepSnapshot>;

  /** One read for a schedule step. */
  loadScheduleStep(query: ScheduleStepQuery): Promise<ScheduleStepSnapshot>;

  /**
   * Context values of one pipeline for `keys`, plus (when `withReferences`) the values of every key
   * those values reference (their stored `references`, already transitive). Missing keys are absent.
   */
  readContext(pipelineId: string, keys: string[], withReferences: boolean): Promise<ContextValue[]>;

  /** Applies one step's effects atomically (see the contract above). */
  commit(commit: StepCommit): Promise<CommitOutcome>;

  /** Atomic `scheduling: false → true`; false when another task holds the lock. */
  acquireScheduleLock(scheduleId: string): Promise<boolean>;

  /**
   * `acquireScheduleLock`, then `loadScheduleStep` read after it, locked or not; optional: a
   * runtime that can send both at once (one round trip) offers it, the engine calls them in turn
   * otherwise.
   */
  lockAndLoadScheduleStep?(query: ScheduleStepQuery): Promise<{ locked: boolean; snapshot: ScheduleStepSnapshot }>;

  /** What the `callback` command needs, in one read. */
  loadCallbackTarget(nodeId: string, version: string): Promise<CallbackSnapshot>;

  /**
   * `loadCallbackTarget` of several callbacks in a few statements whatever their number, answered in
   * the order asked; optional: without it, callbacks arriving together are read one by one.
   */
  loadCallbackTargets?(queries: readonly CallbackTargetQuery[]): Promise<CallbackSnapshot[]>;

  /**
   * What an operator command needs about one id (node, subprocess or root pipeline), in one read:
   * definition, state, processes on it, processes suspended by it, its data and execution data
   * (issue 4, ADR 0003 "Operator commands"). Unknown ids give a snapshot of undefineds and [].
   */
  loadOperatorTarget(nodeId: string): Promise<OperatorSnapshot>;

  /**
   * Stored log lines of one attempt (`nodeId`, `version`) in write order; [] when none. Lines are
   * written by the runtime's `Logger` for messages whose meta carries `nodeId` and `version`.
   */
  getNodeLogs(nodeId: string, version: string): Promise<string[]>;

  /**
   * Rollback bookkeeping of one root pipeline in one read (spec 09 §8): unexpired runs, unexpired
   * plans, and every node snapshot oldest first. Empty lists when there is none.
   */
  loadRollbackState(rootPipelineId: string): Promise<RollbackState>;

  // Reads for the API and tests (not on the execution path).
  getState(nodeId: string): Promise<NodeStateRecord | undefined>;
  getStatesOfRoot(rootId: string): Promise<NodeStateRecord[]>;
  getExecutionData(nodeId: string): Promise<ExecutionData | undefined>;
  getNodeData(nodeId: string): Promise<NodeData | undefined>;
  getHistories(nodeId: string): Promise<HistoryRecord[]>;
  getContext(pipelineId: string): Promise<ContextValue[]>;
  getProcesses(rootPipelineId: string): Promise<ProcessRecord[]>;
}
