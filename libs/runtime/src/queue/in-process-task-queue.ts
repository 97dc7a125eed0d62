import { randomUUID } from 'node:crypto';
import { PriorityHeap } from './priority-heap';
import {
  type AddJobOptions,
  DEFAULT_PRIORITY,
  type JobData,
  type JobHandler,
  type QueueCounts,
  type QueueJob,
  type TaskQueue,
  type TaskQueueOptions,
  validateAddOptions,
  validateConcurrency,
} from './task-queue';

interface PendingJob {
  readonly job: QueueJob;
  readonly priority: number;
  /** Insertion order: FIFO among jobs of equal priority. */
  readonly sequence: number;
}

interface LocalQueue {
  readonly ready: PriorityHeap<PendingJob>;
  readonly delayed: Map<string, { pending: PendingJob; timer: NodeJS.Timeout }>;
  readonly active: Map<string, Promise<void>>;
  handler?: JobHandler;
  concurrency: number;
  failed: number;
}

/**
 * The embedded mode's dispatcher: the TaskQueue semantics of Bull (priority, delay, job-id
 * de-duplication, one attempt, concurrency per queue) inside the process. Nothing survives a
 * restart; the runtime recovers from the database instead (ARCHITECTURE.md, two modes).
 */
export class InProcessTaskQueue implements TaskQueue {
  private readonly queues = new Map<string, LocalQueue>();
  private sequence = 0;
  private paused = false;
  private closed = false;

  constructor(private readonly options: TaskQueueOptions = {}) {}

  add(queueName: string, data: JobData, options: AddJobOptions = {}): Promise<string> {
    // The executor turns argument errors into rejections, as the Bull driver reports them.
    return new Promise((resolve) => resolve(this.enqueue(queueName, data, options)));
  }

  private enqueue(queueName: string, data: JobData, options: AddJobOptions): string {
    if (this.closed) throw new Error('The task queue is closed');
    validateAddOptions(queueName, options);
    const queue = this.queue(queueName);
    const id = options.jobId ?? randomUUID();
    if (options.jobId !== undefined && this.holds(queue, id)) return id;

    // A copy through JSON: the handler sees exactly what Bull would deliver, never a shared object.
    const job: QueueJob = { id, queueName, data: JSON.parse(JSON.stringify(data)) as JobData };
    const pending: PendingJob = { job, priority: options.priority ?? DEFAULT_PRIORITY, sequence: this.sequence++ };
    const delayMs = options.delayMs ?? 0;
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        queue.delayed.delete(id);
        queue.ready.push(pending);
        this.drain(queue);
      }, delayMs);
      queue.delayed.set(id, { pending, timer });
    } else {
      queue.ready.push(pending);
      // Never run the handler inside add(): the caller finishes its own step first, as with Bull.
      setImmediate(() => this.drain(queue));
    }
    return id;
  }

  process<Data extends JobData>(queueName: string, concurrency: number, handler: JobHandler<Data>): Promise<void> {
    return new Promise((resolve) => {
      validateConcurrency(concurrency);
      const queue = this.queue(queueName);
      if (queue.handler) throw new Error(`Queue ${queueName} already has a handler`);
      queue.handler = handler as unknown as JobHandler;
      queue.concurrency = concurrency;
      setImmediate(() => this.drain(queue));
      resolve();
    });
  }

  remove(queueName: string, jobId: string): Promise<boolean> {
    const queue = this.queues.get(queueName);
    if (!queue) return Promise.resolve(false);
    const delayed = queue.delayed.get(jobId);
    if (delayed) {
      clearTimeout(delayed.timer);
      queue.delayed.delete(jobId);
      return Promise.resolve(true);
    }
    return Promise.resolve(queue.ready.removeWhere((pending) => pending.job.id === jobId));
  }

  counts(queueName: string): Promise<QueueCounts> {
    const queue = this.queues.get(queueName);
    return Promise.resolve({
      waiting: queue?.ready.size ?? 0,
      delayed: queue?.delayed.size ?? 0,
      active: queue?.active.size ?? 0,
      failed: queue?.failed ?? 0,
    });
  }

  ping(): Promise<void> {
    return this.closed ? Promise.reject(new Error('The task queue is closed')) : Promise.resolve();
  }

  async pause(): Promise<void> {
    this.paused = true;
    await this.inFlight();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.paused = true;
    for (const queue of this.queues.values()) {
      for (const { timer } of queue.delayed.values()) clearTimeout(timer);
      queue.delayed.clear();
    }
    await this.inFlight();
  }

  private async inFlight(): Promise<void> {
    // Loop: a job finishing may not start another (paused), but be defensive about late starts.
    for (;;) {
      const running = [...this.queues.values()].flatMap((queue) => [...queue.active.values()]);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  private queue(name: string): LocalQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      const before = (a: PendingJob, b: PendingJob): boolean =>
        a.priority !== b.priority ? a.priority > b.priority : a.sequence < b.sequence;
      queue = { ready: new PriorityHeap(before), delayed: new Map(), active: new Map(), concurrency: 1, failed: 0 };
      this.queues.set(name, queue);
    }
    return queue;
  }

  private holds(queue: LocalQueue, id: string): boolean {
    return queue.delayed.has(id) || queue.active.has(id) || queue.ready.some((pending) => pending.job.id === id);
  }

  private drain(queue: LocalQueue): void {
    const handler = queue.handler;
    if (!handler) return;
    while (!this.paused && queue.active.size < queue.concurrency) {
      const next = queue.ready.pop();
      if (!next) return;
      const { job } = next;
      const run = this.run(handler, job).finally(() => {
        queue.active.delete(job.id);
        // Yield to the event loop between jobs: better-sqlite3 resolves every query synchronously,
        // so chaining jobs in microtasks would starve HTTP I/O of the same process until idle.
        setImmediate(() => this.drain(queue));
      });
      queue.active.set(job.id, run);
    }
  }

  private async run(handler: JobHandler, job: QueueJob): Promise<void> {
    try {
      await handler(job);
    } catch (error) {
      const queue = this.queue(job.queueName);
      queue.failed += 1;
      try {
        this.options.onJobFailed?.({ job, error });
      } catch {
        // A broken listener must not stop the queue.
      }
    }
  }
}
