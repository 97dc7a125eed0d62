import { Module, type DynamicModule } from '@nestjs/common';
import { BambooModule, type BambooConfig } from '@bamboo/runtime';
import { HealthController } from './health/health.controller';

/**
 * The worker process of the distributed mode: the engine runtime with its queue consumers
 * (execute, schedule and timers on the default queues plus `BAMBOO_QUEUE` suffixes) and `/health`.
 */
@Module({})
export class WorkerModule {
  static forConfig(config: BambooConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [BambooModule.forRoot({ ...config, runWorkers: true })],
      controllers: [HealthController],
    };
  }
}
