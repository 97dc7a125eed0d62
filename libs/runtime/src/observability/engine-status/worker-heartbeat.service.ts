import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { BAMBOO_DATA_SOURCE, BAMBOO_OPTIONS, type BambooModuleOptions } from '../../nest/bamboo-module.options';
import { EngineWorker } from '../../worker/engine-worker';
import { WorkerHeartbeatStore } from './worker-heartbeat.store';

export const HEARTBEAT_INTERVAL_MS = 10_000;
/** A worker missing three beats is not listed any more. */
export const HEARTBEAT_LIVE_MS = 3 * HEARTBEAT_INTERVAL_MS;
/** Rows of workers silent this long are deleted (crashed workers never remove their own). */
const HEARTBEAT_FORGET_MS = 10 * 60_000;

/**
 * Registers this process in the worker list of `GET /engine/status` while it consumes the engine
 * queues (`runWorkers`: the worker app, the embedded all-in-one API), and removes it at shutdown.
 */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly store: WorkerHeartbeatStore;
  private readonly logger = new Logger('WorkerHeartbeat');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(BAMBOO_OPTIONS) private readonly options: BambooModuleOptions,
    @Inject(BAMBOO_DATA_SOURCE) dataSource: DataSource,
    private readonly worker: EngineWorker,
  ) {
    this.store = new WorkerHeartbeatStore(dataSource);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runWorkers) return;
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.store.remove(this.id).catch(() => undefined);
  }

  /** A missed beat is logged, never thrown: the database outage shows in /health already. */
  async beat(): Promise<void> {
    const now = Date.now();
    try {
      await this.store.beat(
        { id: this.id, hostname: hostname(), pid: process.pid, queues: this.worker.queueNames },
        now,
      );
      await this.store.purge(now - HEARTBEAT_FORGET_MS);
    } catch (error) {
      this.logger.warn(`heartbeat failed: ${String(error)}`);
    }
  }
}
