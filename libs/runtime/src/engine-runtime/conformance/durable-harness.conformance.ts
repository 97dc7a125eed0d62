import { Engine, type ComponentCatalog, type EngineSettings } from '@bamboo/engine';
import type { ConformanceHarness } from '@bamboo/testing';
import type { DataSource } from 'typeorm';
import type { TaskQueue } from '../../queue/task-queue';
import { EngineWorker } from '../../worker/engine-worker';
import { inlineFollowUps } from '../inline-continuation';
import { TypeormEngineRuntime } from '../typeorm-engine-runtime';
import { TrackedTaskQueue, type WorkTracker } from './tracked-task-queue.conformance';

/** One "worker process": its own queue connection, runtime, engine and consumers. */
export interface DurableNode {
  runtime: TypeormEngineRuntime;
  engine: Engine;
  worker: EngineWorker;
  queue: TrackedTaskQueue;
}

export async function startDurableNode(options: {
  dataSource: DataSource;
  queue: TaskQueue;
  tracker: WorkTracker;
  catalog: ComponentCatalog;
  concurrency?: number;
  settings?: Partial<EngineSettings>;
  /** EngineWorkerOptions.inlineFollowUps (0: every follow-up through the queue). */
  inlineFollowUps?: number;
  /** EngineWorkerOptions.localPollMaxDelaySeconds (default 0: delayed polls through the queue). */
  localPollMaxDelaySeconds?: number;
  /** EngineOptions.deferTrivialCommits (default true). */
  deferTrivialCommits?: boolean;
  /** False: no FollowUpPort, every first poll runs in its own step (default: as the product wires it). */
  followUps?: boolean;
}): Promise<DurableNode> {
  const queue = new TrackedTaskQueue(options.queue, options.tracker);
  const runtime = new TypeormEngineRuntime({ dataSource: options.dataSource, queue, clock: options.tracker.clock });
  await runtime.start();
  const engine = new Engine({
    runtime,
    catalog: options.catalog,
    clock: options.tracker.clock,
    ids: runtime.ids,
    logger: runtime.nodeLogger(),
    settings: options.settings,
    deferTrivialCommits: options.deferTrivialCommits,
    ...(options.followUps === false ? {} : { followUps: inlineFollowUps }),
  });
  const worker = new EngineWorker({
    engine,
    queue,
    concurrency: options.concurrency ?? 4,
    inlineFollowUps: options.inlineFollowUps,
    localPollMaxDelaySeconds: options.localPollMaxDelaySeconds,
  });
  await worker.start();
  return { runtime, engine, worker, queue };
}

/**
 * The conformance harness on durable runtimes: real queues and databases, "idle" meaning no job in
 * flight on any node, and time moved on the shared fake clock (held delayed jobs are released).
 * The scenarios drive the first node's engine; every node's workers take jobs.
 */
export class DurableHarness implements ConformanceHarness {
  constructor(
    private readonly nodes: DurableNode[],
    private readonly tracker: WorkTracker,
    private readonly release: () => Promise<void> = () => Promise.resolve(),
  ) {}

  get engine(): Engine {
    return this.nodes[0]!.engine;
  }

  async runUntilIdle(): Promise<void> {
    await this.tracker.idle();
    await this.flushLogs();
  }

  async advance(seconds: number): Promise<void> {
    await this.tracker.advance(seconds, (job) =>
      job.queue.add(job.queueName, job.data, job.options).then(() => undefined),
    );
    await this.tracker.idle();
    await this.flushLogs();
  }

  async close(): Promise<void> {
    await this.tracker.idle();
    for (const node of this.nodes) await node.worker.stop();
    for (const node of this.nodes) await node.queue.close();
    await this.flushLogs();
    await this.release();
  }

  /** Node log lines are batched per worker node; "idle" includes their transport. */
  private async flushLogs(): Promise<void> {
    for (const node of this.nodes) await node.runtime.flushLogs();
  }
}
