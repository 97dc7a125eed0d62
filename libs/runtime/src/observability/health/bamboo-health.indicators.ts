import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { BAMBOO_DATA_SOURCE, BAMBOO_TASK_QUEUE } from '../../nest/bamboo-module.options';
import { BullTaskQueue } from '../../queue/bull-task-queue';
import type { TaskQueue } from '../../queue/task-queue';
import { EXECUTE_QUEUE } from '../../queue/queue-names';
import { MeteredTaskQueue } from '../metrics/metered-task-queue';

/** The subset of a TypeORM DataSource the check needs. */
interface Queryable {
  readonly isInitialized: boolean;
  query(sql: string): Promise<unknown>;
}

/** Bounds every check: a hung dependency must make /health answer 503, not hang the probe. */
const CHECK_TIMEOUT_MS = 3000;

function backendOf(queue: TaskQueue): TaskQueue {
  return queue instanceof MeteredTaskQueue ? queue.inner : queue;
}

/**
 * Terminus indicators over BambooModule's data source and task queue (00-README, 06 B.2): database
 * (`SELECT 1`), Redis (distributed mode: the Bull connection's PING) and the queue (in-process: its
 * ping; Bull: a read of the execute queue's counts, i.e. Bull itself answers). A process without
 * BambooModule (the API over an in-memory engine in tests) simply has nothing to check.
 */
@Injectable()
export class BambooHealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(BAMBOO_DATA_SOURCE) private readonly dataSource?: Queryable,
    @Optional() @Inject(BAMBOO_TASK_QUEUE) private readonly queue?: TaskQueue,
  ) {}

  checks(): HealthIndicatorFunction[] {
    const checks: HealthIndicatorFunction[] = [];
    const { dataSource, queue } = this;
    if (dataSource) checks.push(() => this.attempt('database', () => this.selectOne(dataSource)));
    if (!queue) return checks;
    if (backendOf(queue) instanceof BullTaskQueue) {
      checks.push(() => this.attempt('redis', () => queue.ping()));
      checks.push(() => this.attempt('queue', () => queue.counts(EXECUTE_QUEUE)));
    } else checks.push(() => this.attempt('queue', () => queue.ping()));
    return checks;
  }

  private async selectOne(dataSource: Queryable): Promise<void> {
    // A destroyed DataSource would reconnect on demand for some drivers; closed means down.
    if (!dataSource.isInitialized) throw new Error('database connection is closed');
    await dataSource.query('SELECT 1');
  }

  private attempt(key: string, fn: () => Promise<unknown>) {
    return this.indicators
      .check(key)
      .attempt(async () => {
        await fn();
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  }
}
