import type { EngineTask } from './engine-task';

/**
 * Optional host port (ADR 0009): lets a step learn, before its commit, that the worker job running
 * it will run one of that commit's dispatches itself, right after the commit, instead of sending
 * it through a queue. The engine uses it for the first poll of a POLL schedule: the commit that
 * creates the schedule then also takes its lock, and the poll neither locks nor reads again.
 *
 * A claim is a promise: after a successful commit the host runs the claimed task (the same object)
 * in the current job, never through a queue. If the commit fails, the engine calls `release`.
 */
export interface FollowUpPort {
  /** True when the current job of the task's process takes `task` over. */
  claim(task: EngineTask): boolean;
  /** The commit that would have dispatched `task` failed: the job must not run it. */
  release(task: EngineTask): void;
  /**
   * True when the current job of the task's process may run `task` inside the step that is about
   * to dispatch it, before that step commits (the first poll of a POLL schedule): the job consumes
   * the task's queue and is not stopping. Absent: the engine claims the task instead.
   */
  runsInStep?(task: EngineTask): boolean;
}
