import { Module } from '@nestjs/common';
import { BambooMetricsModule, BambooObservabilityModule } from '@bamboo/runtime';
import { MetricsController } from './metrics.controller';

/**
 * Health indicators, the engine status read model and `GET /metrics` for the API's controllers;
 * the metrics themselves for the callback fast path, which measures its own requests.
 */
@Module({
  imports: [BambooObservabilityModule, BambooMetricsModule.register({ controller: MetricsController })],
  exports: [BambooObservabilityModule, BambooMetricsModule],
})
export class ApiObservabilityModule {}
