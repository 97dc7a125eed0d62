import type { DataSource } from 'typeorm';
import { monitoringQuery } from '../metrics/sql-statement-metrics';
import type { WorkerStatus } from './engine-status.types';
import { HEARTBEAT_TABLE, isMysql, toNumber } from './observability-tables';

export interface WorkerHeartbeat {
  id: string;
  hostname: string;
  pid: number;
  queues: readonly string[];
}

interface HeartbeatRow {
  id: string;
  hostname: string;
  pid: number | string;
  queues: string;
  last_seen: number | string;
}

/** Worker heartbeats in the database every process already shares (ADR 0007). */
export class WorkerHeartbeatStore {
  constructor(private readonly dataSource: DataSource) {}

  async beat(worker: WorkerHeartbeat, nowMs: number): Promise<void> {
    const upsert = isMysql(this.dataSource)
      ? 'ON DUPLICATE KEY UPDATE `queues` = VALUES(`queues`), `last_seen` = VALUES(`last_seen`)'
      : 'ON CONFLICT("id") DO UPDATE SET "queues" = excluded."queues", "last_seen" = excluded."last_seen"';
    await monitoringQuery(
      this.dataSource,
      `INSERT INTO ${HEARTBEAT_TABLE} (id, hostname, pid, queues, started_at, last_seen) VALUES (?, ?, ?, ?, ?, ?) ${upsert}`,
      [worker.id, worker.hostname, worker.pid, JSON.stringify(worker.queues), nowMs, nowMs],
    );
  }

  async remove(id: string): Promise<void> {
    await monitoringQuery(this.dataSource, `DELETE FROM ${HEARTBEAT_TABLE} WHERE id = ?`, [id]);
  }

  /** Forgets workers silent since `beforeMs` (crashed ones never remove themselves). */
  async purge(beforeMs: number): Promise<void> {
    await monitoringQuery(this.dataSource, `DELETE FROM ${HEARTBEAT_TABLE} WHERE last_seen < ?`, [beforeMs]);
  }

  async live(sinceMs: number): Promise<WorkerStatus[]> {
    const rows = await monitoringQuery<HeartbeatRow[]>(
      this.dataSource,
      `SELECT id, hostname, pid, queues, last_seen FROM ${HEARTBEAT_TABLE} WHERE last_seen >= ? ORDER BY hostname, pid, id`,
      [sinceMs],
    );
    return rows.map((row) => ({
      id: row.id,
      hostname: row.hostname,
      pid: toNumber(row.pid),
      queues: JSON.parse(row.queues) as string[],
      last_seen: new Date(toNumber(row.last_seen)).toISOString(),
    }));
  }
}
