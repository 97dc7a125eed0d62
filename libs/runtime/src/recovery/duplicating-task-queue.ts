import type { AddJobOptions, JobData, JobHandler, QueueCounts, TaskQueue } from '../queue/task-queue';

/**
 * A TaskQueue that delivers every job twice (09 §6.2 rule 1: at-least-once). Used by tests to prove
 * that the engine's guards (process task token, schedule `times` and lock, consumed callback data)
 * make a duplicate delivery harmless. `onDuplicate` lets a job tracker count the extra delivery.
 */
export class DuplicatingTaskQueue implements TaskQueue {
  duplicates = 0;

  constructor(
    private readonly inner: TaskQueue,
    private readonly onDuplicate: () => void = () => undefined,
  ) {}

  async add(queueName: string, data: JobData, options: AddJobOptions = {}): Promise<string> {
    const id = await this.inner.add(queueName, data, options);
    // A job id makes the second add a no-op by contract (timeouts); only anonymous jobs duplicate.
    if (options.jobId === undefined) {
      this.onDuplicate();
      this.duplicates++;
      await this.inner.add(queueName, structuredClone(data), options);
    }
    return id;
  }

  process<Data extends JobData>(queueName: string, concurrency: number, handler: JobHandler<Data>): Promise<void> {
    return this.inner.process(queueName, concurrency, handler);
  }

  remove(queueName: string, jobId: string): Promise<boolean> {
    return this.inner.remove(queueName, jobId);
  }

  counts(queueName: string): Promise<QueueCounts> {
    return this.inner.counts(queueName);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  pause(): Promise<void> {
    return this.inner.pause();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
