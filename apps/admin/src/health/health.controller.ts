import { Controller, Get, Inject, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { runHealthCheck } from '@bamboo/runtime';
import type { Response } from 'express';
import { ADMIN_API_URL } from './admin-health.tokens';

const API_TIMEOUT_MS = 3000;

/**
 * The admin has no database or queue of its own: it is healthy when the API it proxies to answers
 * its own /health with 2xx (an API with a dependency down answers 503, so that shows here too).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(ADMIN_API_URL) private readonly apiUrl: URL,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    const answer = await runHealthCheck(this.health, [() => this.api()]);
    response.status(answer.statusCode);
    return answer.body;
  }

  private api() {
    const url = new URL('/health', this.apiUrl);
    return this.indicators
      .check('api')
      .attempt(async ({ signal }) => {
        const answer = await fetch(url, { signal });
        await answer.body?.cancel();
        if (!answer.ok) throw new Error(`${url.href} answered ${answer.status}`);
      })
      .withTimeout(API_TIMEOUT_MS);
  }
}
