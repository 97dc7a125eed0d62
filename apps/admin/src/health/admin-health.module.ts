import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BambooMetricsModule } from '@bamboo/runtime';
import { loadAdminConfig } from '../admin-config';
import { ADMIN_API_URL } from './admin-health.tokens';
import { HealthController } from './health.controller';

/** `GET /health` (the API's reachability) and `GET /metrics` (process and HTTP metrics) of the admin. */
@Module({
  imports: [TerminusModule.forRoot(), BambooMetricsModule.register()],
  controllers: [HealthController],
  providers: [{ provide: ADMIN_API_URL, useFactory: () => loadAdminConfig().apiUrl }],
})
export class AdminHealthModule {}
