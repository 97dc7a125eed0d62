/** A JSON value: jobs carry ids and small flags only (09 §4.2), never objects with behaviour. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JobData = { [key: string]: JsonValue };

export const DEFAULT_PRIORITY = 100;
export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 255;

export interface AddJobOptions {
  /** Run no earlier than this many milliseconds from now. */
  readonly delayMs?: number;
  /** 0–255, larger runs sooner (the original's broker priority; default 100). */
  readonly priority?: number;
  /**
   * Adding a job whose id is still waiting, delayed or active is a no-op (timeouts and timers rely
   * on it, 09 §6.4). Without an id every job gets a fresh one: the same node may legitimately be
   * dispatched many times.
   */
  readonly jobId?: string;
}

export interface QueueJob<Data extends JobData = JobData> {
  readonly id: string;
  readonly queueName: string;
  readonly data: Data;
}

export type JobHandler<Data extends JobData = JobData> = (job: QueueJob<Data>) => Promise<void>;

export interface QueueCounts {
  /** Ready to run (includes jobs held by a pause). */
  readonly waiting: number;
  readonly delayed: number;
  readonly active: number;
  /** Failed jobs still remembered (a bounded number). */
  readonly failed: number;
}

export interface FailedJob {
  readonly job: QueueJob;
  readonly error: unknown;
}

export interface TaskQueueOptions {
  /**
   * Called when a handler throws. Jobs are attempted once: the engine does its own recovery
   * (09 §4.2 rule 5, §6.1), so a failed job is reported, remembered and never retried.
   */
  readonly onJobFailed?: (failure: FailedJob) => void;
}

/**
 * The dispatcher the runtime enqueues execute, schedule and timer tasks on. Delivery is at least
 * once; handlers must tolerate duplicates (09 §6.2).
 */
export interface TaskQueue {
  /** Enqueues a job and returns its id. Rejects after close(). */
  add(queueName: string, data: JobData, options?: AddJobOptions): Promise<string>;
  /** Starts consuming a queue with at most `concurrency` jobs in flight; one handler per queue. */
  process<Data extends JobData>(queueName: string, concurrency: number, handler: JobHandler<Data>): Promise<void>;
  /** Removes a waiting or delayed job; false when it is unknown, already running or finished. */
  remove(queueName: string, jobId: string): Promise<boolean>;
  counts(queueName: string): Promise<QueueCounts>;
  /** Fails when the queue backend cannot be reached (health checks). */
  ping(): Promise<void>;
  /** Stops taking new jobs on every consumed queue; resolves when the jobs in flight have finished. */
  pause(): Promise<void>;
  /** Graceful shutdown: pause, wait for the jobs in flight, release connections and timers. */
  close(): Promise<void>;
}

/** Bad arguments are programming errors: both drivers reject them the same way. */
export function validateAddOptions(queueName: string, options: AddJobOptions): void {
  if (queueName === '') throw new TypeError('queue name must not be empty');
  const { delayMs, priority } = options;
  if (delayMs !== undefined && (!Number.isFinite(delayMs) || delayMs < 0)) {
    throw new RangeError(`delayMs must be a non-negative number, got ${delayMs}`);
  }
  if (priority !== undefined && (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
    throw new RangeError(`priority must be an integer between ${MIN_PRIORITY} and ${MAX_PRIORITY}, got ${priority}`);
  }
}

export function validateConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
}

/**
 * `queue.add`, tried a second time when the first attempt fails (09 §4.2 rule 3: a dispatch is
 * retried once); the second failure is thrown.
 */
export async function addWithOneRetry(
  queue: TaskQueue,
  queueName: string,
  data: JobData,
  options?: AddJobOptions,
): Promise<string> {
  try {
    return await queue.add(queueName, data, options);
  } catch {
    return queue.add(queueName, data, options);
  }
}
