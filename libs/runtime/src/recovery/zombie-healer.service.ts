import { Engine, type Logger } from '@bamboo/engine';
import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SYSTEM_CLOCK } from '../engine-runtime/typeorm-engine-runtime';
import { TaskDispatcher } from '../engine-runtime/task-dispatcher';
import {
  BAMBOO_DATA_SOURCE,
  BAMBOO_OPTIONS,
  BAMBOO_TASK_QUEUE,
  type BambooModuleOptions,
} from '../nest/bamboo-module.options';
import { BAMBOO_LOGGER } from '../nest/bamboo.tokens';
import { BAMBOO_HEALER_LOG, type HealerLog } from '../observability/engine-status/healer-log';
import type { TaskQueue } from '../queue/task-queue';
import { ALWAYS_LEADER, RedisLeaderLock } from './leader-lock';
import { ZombieHealer } from './zombie-healer';

/**
 * `*\/N * * * *` → N minutes in seconds, `*\/N * * * * *` (6 fields, seconds first) → N seconds;
 * any other cron → 60 s (the healer is a loop, not a cron).
 */
export function healIntervalSeconds(
  options: Pick<BambooModuleOptions, 'zombie' | 'zombieHealIntervalSeconds'>,
): number {
  if (options.zombieHealIntervalSeconds !== undefined) return options.zombieHealIntervalSeconds;
  const cron = options.zombie.healCron.trim();
  const minutes = /^\*\/(\d+) \* \* \* \*$/.exec(cron);
  if (minutes) return Number(minutes[1]) * 60;
  const seconds = /^\*\/(\d+) \* \* \* \* \*$/.exec(cron);
  return seconds ? Number(seconds[1]) : 60;
}

/** Runs the healer in every worker process; the Redis leader lock lets one of them act. */
@Injectable()
export class ZombieHealerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  healer: ZombieHealer | undefined;

  constructor(
    @Inject(BAMBOO_OPTIONS) private readonly options: BambooModuleOptions,
    @Inject(BAMBOO_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(BAMBOO_TASK_QUEUE) private readonly queue: TaskQueue,
    @Inject(BAMBOO_LOGGER) private readonly logger: Logger,
    private readonly engine: Engine,
    @Optional() @Inject(BAMBOO_HEALER_LOG) private readonly healerLog?: HealerLog,
  ) {}

  onApplicationBootstrap(): void {
    const intervalSeconds = healIntervalSeconds(this.options);
    if (!this.options.runWorkers || intervalSeconds <= 0) return;
    const { redisUrl, queuePrefix, zombie } = this.options;
    this.healer = new ZombieHealer({
      dataSource: this.dataSource,
      dispatcher: new TaskDispatcher(this.queue, SYSTEM_CLOCK, this.logger),
      operator: this.engine,
      leader: redisUrl ? new RedisLeaderLock(redisUrl, `${queuePrefix}:zombie-healer:leader`) : ALWAYS_LEADER,
      maxStuckSeconds: zombie.maxStuckSeconds,
      scheduleLockTtlSeconds: this.options.scheduleLockTtlSeconds,
      cure: zombie.cure,
      intervalMs: intervalSeconds * 1000,
      recorder: this.healerLog,
      logger: this.logger,
    });
    this.healer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.healer?.stop();
  }
}
