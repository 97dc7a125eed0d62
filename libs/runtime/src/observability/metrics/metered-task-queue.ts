import type { BambooMetrics } from './bamboo-metrics';
import type { AddJobOptions, JobData, JobHandler, QueueCounts, QueueJob, TaskQueue } from '../../queue/task-queue';

/** `er_execute_api` → `execute`; the engine's queue names carry the task kind (09 §4.1). */
function taskKindOf(queueName: string): string {
  return /^er_([a-z]+)/.exec(queueName)?.[1] ?? queueName;
}

/** Seconds since the message's `headers.timestamp` (already advanced by any delay, 09 §4.2). */
function claimDelaySeconds(data: JobData, nowMs: number): number | undefined {
  const headers = data.headers;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return undefined;
  const timestamp = headers.timestamp;
  return typeof timestamp === 'number' ? Math.max(0, nowMs / 1000 - timestamp) : undefined;
}

/**
 * A TaskQueue that counts what the engine asks of the queue (`bamboo_queue_operations_total{op}`:
 * add, remove, process = a job handed to a handler, complete, fail), the claim delay of execute and
 * schedule jobs (spec 08 §7.2) and lost dispatches. Health and sampling calls (`counts`, `ping`)
 * are monitoring, not engine work, and are not counted.
 */
export class MeteredTaskQueue implements TaskQueue {
  /**
   * Payloads whose enqueue failed once. The dispatcher retries a failed add once with the same
   * payload and then gives up (09 §4.2 rule 3), so a second failure of one payload is a lost dispatch.
   */
  private readonly failedOnce = new WeakSet<JobData>();

  constructor(
    readonly inner: TaskQueue,
    private readonly metrics: BambooMetrics,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async add(queueName: string, data: JobData, options?: AddJobOptions): Promise<string> {
    this.metrics.inc('bamboo_queue_operations_total', { op: 'add' });
    try {
      const id = await this.inner.add(queueName, data, options);
      this.failedOnce.delete(data);
      return id;
    } catch (error) {
      if (this.failedOnce.has(data)) {
        this.failedOnce.delete(data);
        this.metrics.inc('bamboo_engine_dispatch_failed_total', { task: taskKindOf(queueName) });
      } else this.failedOnce.add(data);
      throw error;
    }
  }

  process<Data extends JobData>(queueName: string, concurrency: number, handler: JobHandler<Data>): Promise<void> {
    return this.inner.process<Data>(queueName, concurrency, (job) => this.handle(job, handler));
  }

  async remove(queueName: string, jobId: string): Promise<boolean> {
    this.metrics.inc('bamboo_queue_operations_total', { op: 'remove' });
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

  private async handle<Data extends JobData>(job: QueueJob<Data>, handler: JobHandler<Data>): Promise<void> {
    this.metrics.inc('bamboo_queue_operations_total', { op: 'process' });
    const kind = taskKindOf(job.queueName);
    const delay = kind === 'execute' || kind === 'schedule' ? claimDelaySeconds(job.data, this.nowMs()) : undefined;
    if (delay !== undefined) {
      const key =
        kind === 'execute' ? 'engine_runtime_execute_task_claim_delay' : 'engine_runtime_schedule_task_claim_delay';
      this.metrics.observe(key, delay);
    }
    try {
      await handler(job);
    } catch (error) {
      this.metrics.inc('bamboo_queue_operations_total', { op: 'fail' });
      throw error;
    }
    this.metrics.inc('bamboo_queue_operations_total', { op: 'complete' });
  }
}
