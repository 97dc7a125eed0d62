import type { FakeClock } from '@bamboo/testing';
import type { AddJobOptions, JobData, JobHandler, QueueCounts, TaskQueue } from '../../queue/task-queue';

interface HeldJob {
  queue: TaskQueue;
  queueName: string;
  data: JobData;
  options: AddJobOptions;
  dueMs: number;
  seq: number;
}

/**
 * What the durable harnesses share across their task queues: jobs in flight (enqueued but not yet
 * finished by any consumer) and delayed jobs held on the fake clock. Delays never reach the real
 * queue: `advance()` releases what became due, so poll intervals are exact and nothing sleeps.
 */
export class WorkTracker {
  inFlight = 0;
  failures: unknown[] = [];
  private held: HeldJob[] = [];
  private seq = 0;

  constructor(readonly clock: FakeClock) {}

  hold(job: Omit<HeldJob, 'dueMs' | 'seq'>, delayMs: number): void {
    this.held.push({ ...job, dueMs: this.clock.nowMs() + delayMs, seq: this.seq++ });
  }

  /** Moves the clock and enqueues (without delay) every held job that is due, in due order. */
  async advance(seconds: number, add: (job: HeldJob) => Promise<void>): Promise<void> {
    this.clock.advance(seconds);
    const now = this.clock.nowMs();
    const due = this.held.filter((job) => job.dueMs <= now).sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
    this.held = this.held.filter((job) => job.dueMs > now);
    for (const job of due) await add(job);
  }

  /**
   * Resolves when no job is in flight; fails after `timeoutMs` (a stuck run, not a slow one). A
   * task that threw fails it too, as the in-memory harness's synchronous delivery would.
   */
  async idle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0) {
      if (Date.now() > deadline) throw new Error(`still ${this.inFlight} job(s) in flight after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const [failure] = this.failures.splice(0);
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
  }
}

/** A TaskQueue decorator feeding a WorkTracker. */
export class TrackedTaskQueue implements TaskQueue {
  constructor(
    readonly inner: TaskQueue,
    private readonly tracker: WorkTracker,
  ) {}

  async add(queueName: string, data: JobData, options: AddJobOptions = {}): Promise<string> {
    if (options.delayMs) {
      this.tracker.hold({ queue: this, queueName, data, options: { ...options, delayMs: 0 } }, options.delayMs);
      return 'held';
    }
    this.tracker.inFlight++;
    try {
      return await this.inner.add(queueName, data, options);
    } catch (error) {
      this.tracker.inFlight--;
      throw error;
    }
  }

  process<Data extends JobData>(queueName: string, concurrency: number, handler: JobHandler<Data>): Promise<void> {
    return this.inner.process<Data>(queueName, concurrency, async (job) => {
      try {
        await handler(job);
      } catch (error) {
        this.tracker.failures.push(error);
        throw error;
      } finally {
        this.tracker.inFlight--;
      }
    });
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
