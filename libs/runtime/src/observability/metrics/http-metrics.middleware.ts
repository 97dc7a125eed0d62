import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { BambooMetrics } from './bamboo-metrics';
import { BAMBOO_METRICS } from './metrics.tokens';

/** The route pattern, never the raw URL: ids in paths would explode the series count. */
function routeOf(request: Request): string {
  const route = (request as unknown as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched';
}

/**
 * `bamboo_http_request_duration_seconds{method,route,status}`. A middleware rather than an
 * interceptor so that requests refused by guards or failing in body parsing are measured too.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(BAMBOO_METRICS) private readonly metrics: BambooMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = performance.now();
    response.once('finish', () => {
      this.metrics.observe('bamboo_http_request_duration_seconds', (performance.now() - started) / 1000, {
        method: request.method,
        route: routeOf(request),
        status: response.statusCode,
      });
    });
    next();
  }
}
