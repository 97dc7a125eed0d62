import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BAMBOO_DATA_SOURCE } from '../nest/bamboo-module.options';
import { BAMBOO_HEALER_LOG, TypeormHealerLog } from './engine-status/healer-log';
import { WorkerHeartbeatService } from './engine-status/worker-heartbeat.service';
import { BambooMetrics } from './metrics/bamboo-metrics';
import { BAMBOO_METRICS } from './metrics/metrics.tokens';
import { QueueJobsSampler } from './metrics/queue-jobs-sampler';

/** What BambooModule adds for observability: the process metrics, the healer log, sampling, heartbeats. */
export const observabilityProviders: Provider[] = [
  { provide: BAMBOO_METRICS, useFactory: () => BambooMetrics.forProcess() },
  {
    provide: BAMBOO_HEALER_LOG,
    inject: [BAMBOO_DATA_SOURCE, BAMBOO_METRICS],
    useFactory: (dataSource: DataSource, metrics: BambooMetrics) => new TypeormHealerLog(dataSource, metrics),
  },
  QueueJobsSampler,
  WorkerHeartbeatService,
];
