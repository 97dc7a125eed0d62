import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BambooHealthIndicators } from './bamboo-health.indicators';

/**
 * Terminus plus the runtime's indicators. The apps declare their own `/health` controller (the
 * API's must be `@Public()`, the admin checks the API instead of a database).
 */
@Module({
  imports: [TerminusModule.forRoot()],
  providers: [BambooHealthIndicators],
  exports: [TerminusModule, BambooHealthIndicators],
})
export class BambooHealthModule {}
