import { type Logger, NOOP_LOGGER } from '@bamboo/engine';
import type { BambooConfig } from '../config';
import { PLUGIN_EXECUTE_QUEUE } from '../queue/queue-names';
import type { TaskQueue } from '../queue/task-queue';
import type { PluginExecutionService } from './plugin-execution.service';

/**
 * The plugin worker role of 09 §4.3: consumes `plugin_execute`. Stopping is the queue's pause,
 * which the engine worker already does for every queue this process consumes.
 */
export class PluginExecutionWorker {
  private started = false;

  constructor(
    private readonly service: PluginExecutionService,
    private readonly queue: TaskQueue,
    private readonly options: { concurrency?: number; logger?: Logger } = {},
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const concurrency = this.options.concurrency ?? 50;
    await this.queue.process(PLUGIN_EXECUTE_QUEUE, concurrency, (job) => this.service.handleJob(job));
    (this.options.logger ?? NOOP_LOGGER).info('plugin worker started', { queue: PLUGIN_EXECUTE_QUEUE, concurrency });
  }
}

/**
 * Whether a process running workers consumes `plugin_execute` (09 §4.3 plugin role): the embedded
 * all-in-one process runs every role; a distributed worker only with `plugin` in WORKER_ROLES
 * (whose default stays `execute,schedule`, 10 §B.8).
 */
export function runsPluginWorker(config: Pick<BambooConfig, 'mode' | 'workerRoles'>): boolean {
  return config.mode === 'embedded' || config.workerRoles.includes('plugin');
}
