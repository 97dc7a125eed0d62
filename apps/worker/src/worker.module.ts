import { Module, type DynamicModule } from '@nestjs/common';
import { BambooMetricsModule, BambooModule, BambooObservabilityModule, type BambooConfig } from '@bamboo/runtime';
import { HealthController } from './health/health.controller';

/**
 * The worker process of the distributed mode: the engine runtime with its queue consumers
 * (execute, schedule and timers on the default queues plus `BAMBOO_QUEUE` suffixes; single-component
 * runs on `plugin_execute` with `plugin` in WORKER_ROLES), `/health`
 * and `/metrics` on its own `PORT` (00-README; the bench also tries `METRICS_PORT`).
 */
@Module({})
export class WorkerModule {
  static forConfig(config: BambooConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        BambooModule.forRoot({ ...config, runWorkers: true }),
        BambooObservabilityModule,
        BambooMetricsModule.register(),
      ],
      controllers: [HealthController],
    };
  }
}
