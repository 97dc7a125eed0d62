import type { EngineTask } from './engine-task';

/**
 * Optional host port (ADR 0009): lets a step learn, before its commit, that the worker job running
 * it may run one of its follow-ups inside the step itself. The engine uses it for the first poll of
 * a POLL schedule: the execute step runs the poll before committing, and one commit stores both.
 */
export interface FollowUpPort {
  /**
   * True when the current job of the task's process may run `task` inside the step that is about
   * to dispatch it, before that step commits: the job consumes the task's queue and is not
   * stopping. False: the step dispatches the task as usual.
   */
  runsInStep(task: EngineTask): boolean;
}
