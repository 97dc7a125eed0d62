import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { BambooHealthIndicators, runHealthCheck } from '@bamboo/runtime';
import type { Response } from 'express';
import { Public } from '../common/public.decorator';

/** Terminus' body as is (not the API envelope): load balancers and probes read `status`. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: BambooHealthIndicators,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Database, Redis (distributed mode) and queue checks: 200 when all are up, else 503' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    const answer = await runHealthCheck(this.health, this.indicators.checks());
    response.status(answer.statusCode);
    return answer.body;
  }
}
