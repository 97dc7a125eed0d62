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

export type EngineTask = ExecuteTask | ScheduleTask | TimeoutTask;

/** A task plus an optional delay in seconds (delayed polls, timers, busy-lock retries). */
export interface Dispatch {
  task: EngineTask;
  delaySeconds: number;
}

/** Queue names of spec 03 §1: `er_execute[_q]`, `er_schedule[_q]`, `er_timeout[_q]`. */
export function queueNameOf(task: EngineTask): string {
  const base = task.kind === 'execute' ? 'er_execute' : task.kind === 'schedule' ? 'er_schedule' : 'er_timeout';
  return task.queue ? `${base}_${task.queue}` : base;
}
