import { queueNameOf, type Clock, type Dispatch, type Logger } from '@bamboo/engine';
import { addWithOneRetry, type TaskQueue } from '../queue/task-queue';
import { encodeTask } from './engine-task-codec';
import { continueInline } from './inline-continuation';

/**
 * The outbox's second half: enqueues the dispatches of a committed step. The commit is already
 * durable, so a queue failure is retried once and then logged, never thrown: the step's caller
 * must not believe its effects were rolled back. Lost work is found again from the tables (the
 * embedded restart recovery, the zombie healer of 09 §6.2). A worker job may take the step's one
 * immediate follow-up over instead (inline-continuation.ts).
 */
export class TaskDispatcher {
  constructor(
    private readonly queue: TaskQueue,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async dispatch(dispatches: readonly Dispatch[]): Promise<void> {
    if (dispatches.length === 0) return;
    const queued = continueInline(dispatches);
    if (queued.length === 1) await this.enqueue(queued[0]!);
    else if (queued.length > 1) await Promise.all(queued.map((dispatch) => this.enqueue(dispatch)));
  }

  private async enqueue({ task, delaySeconds }: Dispatch): Promise<void> {
    const queueName = queueNameOf(task);
    const data = encodeTask(task, this.clock.now().getTime(), delaySeconds);
    const options = { delayMs: Math.max(0, Math.round(delaySeconds * 1000)), priority: task.priority };
    try {
      await addWithOneRetry(this.queue, queueName, data, options);
    } catch (error) {
      this.logger.error('dispatch lost after a committed step; recovery will dispatch it again', {
        queue: queueName,
        task: data,
        error: String(error),
      });
    }
  }
}
