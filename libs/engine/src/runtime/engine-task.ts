/**
 * Work the engine hands to the queue (spec 09 §4.2). Tasks carry ids only; a worker calls
 * `Engine.execute` / `Engine.schedule` / `Engine.timeout` with them.
 */
export interface TaskRoute {
  queue: string;
  priority: number;
}

export interface ExecuteTask extends TaskRoute {
  kind: 'execute';
  processId: string;
  nodeId: string;
  rootPipelineId: string;
  parentPipelineId: string;
  /** Must equal the process's `taskToken` when the task runs, else the task is a duplicate. */
  token: string;
}

export interface ScheduleTask extends TaskRoute {
  kind: 'schedule';
  processId: string;
  nodeId: string;
  scheduleId: string;
  callbackDataId: string | null;
  /** For polls: the schedule's `times` when dispatched; a mismatch marks a duplicate delivery. */
  expectedTimes: number | null;
}

/** A node timer (spec 03 §4.6), bound to one attempt. */
export interface TimeoutTask extends TaskRoute {
  kind: 'timeout';
  nodeId: string;
  version: string;
  rootPipelineId: string;
}

/**
 * One step of a TOKEN rollback walk (spec 09 §8 step 3): roll back `nodeId` (or, for the END
 * marker, clean up and restart). Duplicates are dropped by the node's state compare-and-set.
 */
export interface RollbackTask extends TaskRoute {
  kind: 'rollback';
  rootPipelineId: string;
  nodeId: string;
  /** A `retry_rollback_failed_node` step: the node is ROLL_BACK_FAILED and `retryData` is passed on. */
  retry: boolean;
  retryData: unknown;
}

export type EngineTask = ExecuteTask | ScheduleTask | TimeoutTask | RollbackTask;

/** A task plus an optional delay in seconds (delayed polls, timers, busy-lock retries). */
export interface Dispatch {
  task: EngineTask;
  delaySeconds: number;
}

/**
 * Queue names of spec 03 §1: `er_execute[_q]`, `er_schedule[_q]`, `er_timeout[_q]`. Rollback steps
 * ride on the schedule queue (like node timers ride with the schedule role) until workers get a
 * rollback role of their own (ADR 0003, rollback addendum).
 */
export function queueNameOf(task: EngineTask): string {
  const base =
    task.kind === 'execute'
      ? 'er_execute'
      : task.kind === 'schedule' || task.kind === 'rollback'
        ? 'er_schedule'
        : 'er_timeout';
  return task.queue ? `${base}_${task.queue}` : base;
}
