import { EngineError } from '@bamboo/engine';
import { PLUGIN_EXECUTE_QUEUE } from '../queue/queue-names';
import { addWithOneRetry, type JobData, type TaskQueue } from '../queue/task-queue';
import type { PluginAttempt } from './plugin-task.store';

/**
 * A job of queue `plugin_execute` (07 §6.2): ids and flags only (09 §4.2). `invoke_count` names the
 * attempt, so that a job left over from before a retry finds another attempt and is dropped.
 * `callback` marks a schedule asked for by a callback: only those hand the stored callback data to
 * `schedule()`, polls get none (as in the engine and the component runner, 07 §6.1).
 */
export interface PluginJob extends PluginAttempt {
  phase: 'execute' | 'schedule';
  callback: boolean;
}

/** The queue was unreachable twice (spec 06 B.1: 503 `DISPATCH_FAILED`). */
export class DispatchFailedError extends EngineError {
  constructor(queue: string, cause: unknown) {
    super('DISPATCH_FAILED', `could not enqueue on ${queue}: ${String(cause)}`, { queue });
  }
}

export function encodePluginJob(job: PluginJob): JobData {
  return { task_id: job.taskId, invoke_count: job.invokeCount, phase: job.phase, callback: job.callback };
}

/** Null for data that is not a plugin job (a foreign producer on the queue): it is dropped. */
export function decodePluginJob(data: JobData): PluginJob | null {
  const { task_id: taskId, invoke_count: invokeCount, phase, callback } = data;
  if (typeof taskId !== 'number' || typeof invokeCount !== 'number') return null;
  if (phase !== 'execute' && phase !== 'schedule') return null;
  return { taskId, invokeCount, phase, callback: callback === true };
}

/** Enqueues on `plugin_execute`, retrying once (09 §4.2 rule 3); a second failure throws. */
export async function enqueuePluginJob(queue: TaskQueue, job: PluginJob, delaySeconds = 0): Promise<void> {
  const options = { delayMs: Math.max(0, Math.round(delaySeconds * 1000)) };
  try {
    await addWithOneRetry(queue, PLUGIN_EXECUTE_QUEUE, encodePluginJob(job), options);
  } catch (error) {
    throw new DispatchFailedError(PLUGIN_EXECUTE_QUEUE, error);
  }
}
