import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';

export interface HealthAnswer {
  readonly statusCode: 200 | 503;
  readonly body: HealthCheckResult;
}

/**
 * Runs the checks and returns terminus' body with its status code. Terminus reports a failure as
 * a 503 exception; answering it here keeps `{status, info, error, details}` intact in apps whose
 * exception filter would otherwise wrap it in their own envelope (the API's).
 */
export async function runHealthCheck(
  health: HealthCheckService,
  checks: HealthIndicatorFunction[],
): Promise<HealthAnswer> {
  try {
    return { statusCode: 200, body: await health.check(checks) };
  } catch (error) {
    if (error instanceof ServiceUnavailableException) {
      return { statusCode: 503, body: error.getResponse() as HealthCheckResult };
    }
    throw error;
  }
}
