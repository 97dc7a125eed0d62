import { NOOP_LOGGER, queueNameOf, type EngineTask, type Logger, type ScheduleTask } from '@bamboo/engine';
import { decodeTask } from '../engine-runtime/engine-task-codec';
import { ContinuationSlot, withContinuationSlot } from '../engine-runtime/inline-continuation';
import { TaskDispatcher } from '../engine-runtime/task-dispatcher';
import { SYSTEM_CLOCK } from '../engine-runtime/typeorm-engine-runtime';
import type { JobData, QueueJob, TaskQueue } from '../queue/task-queue';
import { engineQueueNames, type EngineWorkerRole } from './engine-queue-names';
import { LocalPollTimers } from './local-poll-timers';

/** The part of `Engine` a worker drives. */
export interface TaskHandler {
  handle(task: EngineTask): Promise<void>;
}

export interface EngineWorkerOptions {
  engine: TaskHandler;
  queue: TaskQueue;
  /** @default ['execute', 'schedule'] */
  roles?: readonly EngineWorkerRole[];
  /** Custom queue suffixes consumed besides the default queues (BAMBOO_QUEUE). */
  queueSuffixes?: readonly string[];
  /** Jobs in flight per queue (WORKER_CONCURRENCY). @default 50 */
  concurrency?: number;
  /**
   * Immediate follow-ups (next execute, poll at interval 0, woken parent) one job runs itself
   * instead of sending them through the queue; 0 sends every follow-up through the queue.
   * @default 1000
   */
  inlineFollowUps?: number;
  /**
   * A delayed poll of a process a job of this worker is driving waits on a timer in this worker
   * when its delay is at most this many seconds (BAMBOO_LOCAL_POLL_MAX_DELAY_SECONDS), instead of
   * as a delayed queue job; at most `concurrency` such polls wait at once. A killed worker's
   * pending polls are found by the zombie healer (`lost_poll`), a stopping worker hands them to the
   * queue. 0 sends every delayed poll through the queue; needs `inlineFollowUps` > 0.
   * @default 0
   */
  localPollMaxDelaySeconds?: number;
  logger?: Logger;
}

/**
 * Consumes the engine's queues and hands each task to the engine (spec 09 §4.3). The worker holds
 * no state: duplicates and races are settled by the runtime's compare-and-set commits.
 */
export class EngineWorker {
  private started = false;
  private stopping = false;
  private readonly logger: Logger;
  private readonly handOver: TaskDispatcher;
  private readonly consumed: ReadonlySet<string>;
  private readonly localPolls: LocalPollTimers | undefined;
  private localRuns = 0;

  constructor(private readonly options: EngineWorkerOptions) {
    this.logger = options.logger ?? NOOP_LOGGER;
    this.handOver = new TaskDispatcher(options.queue, SYSTEM_CLOCK, this.logger);
    this.consumed = new Set(this.queueNames);
    const maxDelaySeconds = options.localPollMaxDelaySeconds ?? 0;
    this.localPolls =
      maxDelaySeconds > 0
        ? new LocalPollTimers({
            maxDelaySeconds,
            capacity: options.concurrency ?? 50,
            run: (task) => this.runLocalPoll(task),
          })
        : undefined;
  }

  /** The queue names this worker consumes. */
  get queueNames(): string[] {
    return engineQueueNames(this.options.roles ?? ['execute', 'schedule'], this.options.queueSuffixes ?? []);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const concurrency = this.options.concurrency ?? 50;
    for (const name of this.queueNames) {
      await this.options.queue.process(name, concurrency, (job) => this.run(job));
    }
    this.logger.info('engine worker started', { queues: this.queueNames, concurrency });
  }

  /** Stops taking jobs and resolves when the jobs in flight have finished (connections stay open). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping = true;
    // Polls waiting here go back to the queue with the delay they have left (their schedule rows
    // are committed; another worker, or this one after a restart, runs them on time).
    const handedOver = this.localPolls?.drain() ?? [];
    for (const dispatch of handedOver) await this.handOver.dispatch([dispatch]);
    if (handedOver.length > 0) this.logger.info('local polls handed to the queue', { polls: handedOver.length });
    await Promise.all([this.options.queue.pause(), this.localPolls?.idle()]);
    this.logger.info('engine worker stopped');
  }

  private async run(job: QueueJob<JobData>): Promise<void> {
    const limit = this.options.inlineFollowUps ?? 1000;
    if (limit <= 0) return this.handle(job, decodeTask(job.data));
    const first = decodeTask(job.data);
    if (first.kind !== 'execute' && first.kind !== 'schedule') return this.handle(job, first);
    return this.runWithSlot(job, first, limit);
  }

  /** A poll that fell due on a local timer, run like a job of its queue (failures are logged). */
  private async runLocalPoll(task: ScheduleTask): Promise<void> {
    const job: QueueJob<JobData> = { id: `local-${++this.localRuns}`, queueName: queueNameOf(task), data: {} };
    await this.runWithSlot(job, task, this.options.inlineFollowUps ?? 1000).catch(() => undefined);
  }

  private async runWithSlot(
    job: QueueJob<JobData>,
    first: Extract<EngineTask, { processId: string }>,
    limit: number,
  ): Promise<void> {
    const slot = new ContinuationSlot(
      this.consumed,
      limit,
      () => !this.stopping,
      this.localPolls && ((task, delaySeconds) => this.localPolls!.offer(task, delaySeconds)),
    );
    try {
      await withContinuationSlot(first.processId, slot, async () => {
        for (let task: EngineTask | undefined = first; task; task = slot.take()) await this.handle(job, task);
      });
    } finally {
      // A step that committed its follow-up and then threw: the follow-up still goes out.
      const left = slot.take();
      if (left) await this.handOver.dispatch([{ task: left, delaySeconds: 0 }]);
    }
  }

  private async handle(job: QueueJob<JobData>, task: EngineTask): Promise<void> {
    try {
      await this.options.engine.handle(task);
    } catch (error) {
      this.logger.error('engine task failed', {
        queue: job.queueName,
        jobId: job.id,
        kind: task.kind,
        nodeId: task.nodeId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      throw error;
    }
  }
}
