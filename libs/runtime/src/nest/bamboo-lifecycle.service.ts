import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from '@bamboo/engine';
import type { DataSource } from 'typeorm';
import { TypeormEngineRuntime } from '../engine-runtime/typeorm-engine-runtime';
import type { TaskQueue } from '../queue/task-queue';
import { PluginExecutionService } from '../plugin-execution/plugin-execution.service';
import { PluginExecutionWorker, runsPluginWorker } from '../plugin-execution/plugin-execution.worker';
import { EngineWorker } from '../worker/engine-worker';
import {
  BAMBOO_DATA_SOURCE,
  BAMBOO_OPTIONS,
  BAMBOO_TASK_QUEUE,
  type BambooModuleOptions,
} from './bamboo-module.options';
import { BAMBOO_LOGGER } from './bamboo.tokens';

/**
 * Start and graceful stop (SIGTERM/SIGINT through Nest's shutdown hooks): workers stop taking jobs
 * and finish the ones in flight before the HTTP server closes; the queue and an owned data source
 * close last. In embedded mode the start dispatches again the work the previous process lost.
 */
@Injectable()
export class BambooLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(BAMBOO_OPTIONS) private readonly options: BambooModuleOptions,
    @Inject(BAMBOO_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(BAMBOO_TASK_QUEUE) private readonly queue: TaskQueue,
    @Inject(BAMBOO_LOGGER) private readonly logger: Logger,
    private readonly runtime: TypeormEngineRuntime,
    private readonly worker: EngineWorker,
    private readonly plugins: PluginExecutionService,
    private readonly pluginWorker: PluginExecutionWorker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Only the embedded process can know that no other worker is alive: Bull keeps its jobs.
    const embedded = this.options.mode === 'embedded' && !this.options.redisUrl;
    if (embedded) await this.runtime.recoverLostWork();
    if (!this.options.runWorkers) return;
    await this.worker.start();
    if (!runsPluginWorker(this.options)) return;
    if (embedded) await this.plugins.redispatchLost();
    await this.pluginWorker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.runtime.flushLogs();
    if (!this.options.dataSource && this.dataSource.isInitialized) await this.dataSource.destroy();
    this.logger.info('bamboo runtime closed');
  }
}
