import { Inject, Injectable, Optional } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BAMBOO_DATA_SOURCE, BAMBOO_TASK_QUEUE } from '../../nest/bamboo-module.options';
import type { TaskQueue } from '../../queue/task-queue';
import { EngineWorker } from '../../worker/engine-worker';
import { BambooMetrics } from '../metrics/bamboo-metrics';
import type { EngineStatus, QueueStatus } from './engine-status.types';
import { TypeormHealerLog, type HealerLog } from './healer-log';
import { HEARTBEAT_LIVE_MS } from './worker-heartbeat.service';
import { WorkerHeartbeatStore } from './worker-heartbeat.store';

/**
 * The engine page of the admin console: live workers (heartbeats), queue depths and the latest
 * healer actions. Without BambooModule (an API over an in-memory engine) every list is empty.
 */
@Injectable()
export class EngineStatusService {
  private readonly heartbeats?: WorkerHeartbeatStore;
  readonly healerLog?: HealerLog;

  constructor(
    @Optional() @Inject(BAMBOO_DATA_SOURCE) dataSource?: DataSource,
    @Optional() @Inject(BAMBOO_TASK_QUEUE) private readonly queue?: TaskQueue,
    @Optional() private readonly worker?: EngineWorker,
  ) {
    if (dataSource) {
      this.heartbeats = new WorkerHeartbeatStore(dataSource);
      this.healerLog = new TypeormHealerLog(dataSource, BambooMetrics.forProcess());
    }
  }

  async read(nowMs = Date.now()): Promise<EngineStatus> {
    const workers = (await this.heartbeats?.live(nowMs - HEARTBEAT_LIVE_MS)) ?? [];
    const names = new Set([...(this.worker?.queueNames ?? []), ...workers.flatMap((worker) => worker.queues)]);
    const queues = this.queue ? await Promise.all([...names].sort().map((name) => this.depth(name))) : [];
    const healer = (await this.healerLog?.latest()) ?? [];
    return { workers, queues, healer };
  }

  private async depth(name: string): Promise<QueueStatus> {
    const counts = await this.queue!.counts(name); // read() checked it
    return { name, waiting: counts.waiting, active: counts.active, delayed: counts.delayed, failed: counts.failed };
  }
}
