import { Controller, Get, Res } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { BambooHealthIndicators, runHealthCheck } from '@bamboo/runtime';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: BambooHealthIndicators,
  ) {}

  /** 200 while the database, Redis and the queue answer; 503 otherwise (load balancers, k8s). */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    const answer = await runHealthCheck(this.health, this.indicators.checks());
    response.status(answer.statusCode);
    return answer.body;
  }
}
