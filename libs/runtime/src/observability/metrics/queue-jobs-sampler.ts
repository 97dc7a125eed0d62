import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BAMBOO_TASK_QUEUE } from '../../nest/bamboo-module.options';
import type { TaskQueue } from '../../queue/task-queue';
import { EngineWorker } from '../../worker/engine-worker';
import type { BambooMetrics } from './bamboo-metrics';
import { BAMBOO_METRICS } from './metrics.tokens';

/** Spec 08 §7.4.4. */
export const QUEUE_SAMPLE_INTERVAL_MS = 15_000;

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * `bamboo_queue_jobs{queue,state}`: the engine queues' counts, sampled at start and every 15 s
 * (a Prometheus scrape must not cost a Redis round trip per queue). A failed sample keeps the last
 * values; /health reports the outage.
 */
@Injectable()
export class QueueJobsSampler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(BAMBOO_TASK_QUEUE) private readonly queue: TaskQueue,
    @Inject(BAMBOO_METRICS) private readonly metrics: BambooMetrics,
    private readonly worker: EngineWorker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sample();
    this.timer = setInterval(() => void this.sample(), QUEUE_SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async sample(): Promise<void> {
    for (const name of this.worker.queueNames) {
      try {
        const counts = await this.queue.counts(name);
        for (const state of STATES) this.metrics.set('bamboo_queue_jobs', counts[state], { queue: name, state });
      } catch {
        return;
      }
    }
  }
}
