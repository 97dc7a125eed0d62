import Bull from 'bull';
import Redis, { type RedisOptions } from 'ioredis';
import {
  type AddJobOptions,
  DEFAULT_PRIORITY,
  type JobData,
  type JobHandler,
  MAX_PRIORITY,
  type QueueCounts,
  type TaskQueue,
  type TaskQueueOptions,
  validateAddOptions,
  validateConcurrency,
} from './task-queue';

export interface BullTaskQueueOptions extends TaskQueueOptions {
  readonly redisUrl: string;
  /** Prefix of every Redis key (BAMBOO_QUEUE_PREFIX); tests and benchmarks use a random one. */
  readonly prefix: string;
  /** Failed jobs kept for inspection per queue (09 §4.2 rule 5). */
  readonly keepFailed?: number;
  /** How long ping() waits for Redis before reporting it down (default 2000 ms). */
  readonly pingTimeoutMs?: number;
}

/** An `add` waiting for the end of the current tick, when the tick's adds go to Redis together. */
interface PendingAdd {
  data: JobData;
  opts: Bull.JobOptions;
  resolve: (id: string) => void;
  reject: (error: unknown) => void;
}

/**
 * TaskQueue on Bull 4 / Redis for the distributed mode. One Bull queue per queue name, sharing
 * one command and one subscriber connection (Bull needs a blocking connection per queue).
 *
 * Adds to one queue made in the same tick (the dispatches of one commit, e.g. a group of
 * callbacks) are sent as one `addBulk`, a MULTI of Bull's add scripts in one round trip, instead
 * of one round trip each; every caller still gets its own job id or error.
 */
export class BullTaskQueue implements TaskQueue {
  private readonly queues = new Map<string, Bull.Queue>();
  private readonly pendingAdds = new Map<string, PendingAdd[]>();
  private readonly consumed = new Set<string>();
  private readonly shared: { client?: Redis; subscriber?: Redis } = {};
  private readonly blocking: Redis[] = [];
  private closed = false;

  constructor(private readonly options: BullTaskQueueOptions) {}

  async add(queueName: string, data: JobData, options: AddJobOptions = {}): Promise<string> {
    if (this.closed) throw new Error('The task queue is closed');
    validateAddOptions(queueName, options);
    const opts: Bull.JobOptions = {
      // Bull runs 1 first; the engine's priorities run larger first (09 §4.2 rule 4).
      priority: MAX_PRIORITY + 1 - (options.priority ?? DEFAULT_PRIORITY),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
      ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
    };
    // The Bull queue is made now, not at the flush: a close() in between must find and close it.
    const queue = this.queue(queueName);
    return new Promise((resolve, reject) => {
      let pending = this.pendingAdds.get(queueName);
      if (!pending) {
        pending = [];
        this.pendingAdds.set(queueName, pending);
        process.nextTick(() => this.flushAdds(queueName, queue));
      }
      pending.push({ data, opts, resolve, reject });
    });
  }

  private flushAdds(queueName: string, queue: Bull.Queue): void {
    const pending = this.pendingAdds.get(queueName) ?? [];
    this.pendingAdds.delete(queueName);
    if (pending.length === 1) {
      const [one] = pending as [PendingAdd];
      queue.add(one.data, one.opts).then((job) => one.resolve(String(job.id)), one.reject);
      return;
    }
    queue.addBulk(pending.map(({ data, opts }) => ({ data, opts }))).then(
      (jobs) =>
        pending.forEach((add, index) => {
          // Bull's addBulk does not look at the MULTI's per-command errors: a missing id is one.
          const id = jobs[index]?.id;
          if (id === undefined || id === null) add.reject(new Error(`Bull did not add a job to ${queueName}`));
          else add.resolve(String(id));
        }),
      (error: unknown) => pending.forEach((add) => add.reject(error)),
    );
  }

  async process<Data extends JobData>(
    queueName: string,
    concurrency: number,
    handler: JobHandler<Data>,
  ): Promise<void> {
    validateConcurrency(concurrency);
    if (this.consumed.has(queueName)) throw new Error(`Queue ${queueName} already has a handler`);
    this.consumed.add(queueName);
    const queue = this.queue(queueName);
    queue.on('failed', (job, error) => {
      this.options.onJobFailed?.({ job: { id: String(job.id), queueName, data: job.data as JobData }, error });
    });
    // Bull's process() promise settles only when the queue closes; readiness is what callers need.
    void queue
      .process(concurrency, (job: Bull.Job<Data>) => handler({ id: String(job.id), queueName, data: job.data }))
      .catch(() => undefined);
    await queue.isReady();
  }

  async remove(queueName: string, jobId: string): Promise<boolean> {
    const job = await this.queue(queueName).getJob(jobId);
    if (!job || !((await job.isWaiting()) || (await job.isDelayed()))) return false;
    try {
      await job.remove();
      return true;
    } catch {
      // Taken by a worker between the check and the removal: it is running now.
      return false;
    }
  }

  async counts(queueName: string): Promise<QueueCounts> {
    const counts = await this.queue(queueName).getJobCounts();
    const paused = (counts as Bull.JobCounts & { paused?: number }).paused ?? 0;
    return { waiting: counts.waiting + paused, delayed: counts.delayed, active: counts.active, failed: counts.failed };
  }

  async ping(): Promise<void> {
    // ioredis queues commands while it reconnects; a health check must answer "down" instead.
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.options.pingTimeoutMs ?? 2000;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client('client').ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async pause(): Promise<void> {
    // Local pause: this process stops taking jobs and waits for its own; other workers go on.
    await Promise.all([...this.consumed].map((name) => this.queue(name).pause(true)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Bull's close() pauses locally first and waits for the active jobs of this process.
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    const connections = [this.shared.client, this.shared.subscriber, ...this.blocking];
    await Promise.all(
      connections.map(async (connection) => {
        if (!connection) return;
        // quit() would wait forever for a server that is gone.
        if (connection.status !== 'ready') return connection.disconnect();
        await connection.quit().catch(() => connection.disconnect());
      }),
    );
  }

  private queue(name: string): Bull.Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Bull(name, {
        prefix: this.options.prefix,
        createClient: (type) => this.client(type),
        defaultJobOptions: {
          attempts: 1,
          removeOnComplete: true,
          removeOnFail: this.options.keepFailed ?? 1000,
        },
        // A crashed worker's job is delivered once more, then failed (09 §6.2).
        settings: { maxStalledCount: 1 },
      });
      silenceWorkerNameRace(queue);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private client(type: 'client' | 'subscriber' | 'bclient'): Redis {
    // Bull requires these two settings on the subscriber and blocking connections.
    const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: false };
    if (type === 'bclient') {
      const connection = new Redis(this.options.redisUrl, options);
      this.blocking.push(connection);
      return connection;
    }
    this.shared[type] ??= new Redis(this.options.redisUrl, options);
    return this.shared[type];
  }
}

/**
 * Bull names its blocking connection in a fire-and-forget promise when a handler is set; closing
 * the queue before that settles rejects with `undefined`, and Bull's own catch then throws
 * "Cannot read properties of undefined (reading 'message')" as an unhandled rejection. The name is
 * cosmetic (it labels the connection for `getWorkers`), so a failure to set it is dropped.
 */
function silenceWorkerNameRace(queue: Bull.Queue): void {
  const target = queue as unknown as { setWorkerName: () => Promise<void> };
  const setWorkerName = target.setWorkerName.bind(queue);
  target.setWorkerName = () => setWorkerName().catch(() => undefined);
}
