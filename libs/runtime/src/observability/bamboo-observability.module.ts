import { Module } from '@nestjs/common';
import { EngineStatusService } from './engine-status/engine-status.service';
import { BambooHealthModule } from './health/bamboo-health.module';

/**
 * Health indicators and the engine status read model for an app's controllers. Pair it with
 * `BambooMetricsModule.register()` for `GET /metrics`.
 */
@Module({
  imports: [BambooHealthModule],
  providers: [EngineStatusService],
  exports: [BambooHealthModule, EngineStatusService],
})
export class BambooObservabilityModule {}
