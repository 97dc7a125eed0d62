import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, type Type } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics, register } from 'prom-client';
import { BambooMetrics } from './bamboo-metrics';
import { HeapLiveGauge } from './heap-live-gauge';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { BAMBOO_METRICS } from './metrics.tokens';

export interface BambooMetricsModuleOptions {
  /**
   * The `/metrics` controller, a subclass of `PrometheusController` when the app must decorate it
   * (the API marks it `@Public()`). @default PrometheusController
   */
  controller?: Type<unknown>;
}

/** Node process metrics once per process: a second app in the same process reuses them. */
function collectProcessMetricsOnce(): void {
  if (register.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics({ register });
}

/**
 * `GET /metrics` (Prometheus text) over prom-client's default registry, which holds every Bamboo
 * metric of this process (spec 08 §7), plus HTTP request durations for every route of the app.
 */
@Module({})
export class BambooMetricsModule implements NestModule {
  static register(options: BambooMetricsModuleOptions = {}): DynamicModule {
    collectProcessMetricsOnce();
    // An explicit `controller: undefined` would replace the library's default controller.
    const controller = options.controller ? { controller: options.controller } : {};
    return {
      module: BambooMetricsModule,
      imports: [PrometheusModule.register({ ...controller, defaultMetrics: { enabled: false } })],
      providers: [
        { provide: BAMBOO_METRICS, useFactory: () => BambooMetrics.forProcess() },
        HttpMetricsMiddleware,
        HeapLiveGauge,
      ],
      exports: [BAMBOO_METRICS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
