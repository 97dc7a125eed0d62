import type { DataSource } from 'typeorm';
import type { BambooMetrics } from '../metrics/bamboo-metrics';
import { monitoringQuery } from '../metrics/sql-statement-metrics';
import type { HealerActionView } from './engine-status.types';
import { HEALER_TABLE, toNumber } from './observability-tables';

/** One thing the zombie healer did (09 §6.2), as the admin console lists it. */
export interface HealerAction {
  /** e.g. `fail`, `redispatch`, `release_lock`, `skip`. */
  action: string;
  /** The doctor that acted (`bamboo_engine_zombie_healed_total{doctor}`), e.g. `awake_orphan`, `lost_poll`. */
  doctor: string;
  processId: string | null;
  nodeId: string | null;
  detail: string;
  /** True when the action cured a zombie (counted in `bamboo_engine_zombie_healed_total`). */
  cured: boolean;
}

/**
 * Where the healer reports. It runs in one (leader) process while every API process shows the
 * actions, so they are kept in the shared database, trimmed to the latest `KEEP`.
 */
export interface HealerLog {
  record(action: HealerAction): Promise<void>;
  latest(limit?: number): Promise<HealerActionView[]>;
}

export const BAMBOO_HEALER_LOG = Symbol('BAMBOO_HEALER_LOG');

const KEEP = 500;

interface HealerRow {
  id: number | string;
  recorded_at: number | string;
  action: string;
  process_id: string | null;
  node_id: string | null;
  detail: string;
}

/** The console shows process ids as numbers; ids are decimal strings within 2^53 (ADR 0004). */
function processIdView(id: string | null): number | null {
  if (id === null) return null;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : null;
}

export class TypeormHealerLog implements HealerLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: BambooMetrics,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async record(action: HealerAction): Promise<void> {
    if (action.cured) this.metrics.inc('bamboo_engine_zombie_healed_total', { doctor: action.doctor });
    await monitoringQuery(
      this.dataSource,
      `INSERT INTO ${HEALER_TABLE} (recorded_at, doctor, action, process_id, node_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
      [this.nowMs(), action.doctor, action.action, action.processId, action.nodeId, action.detail],
    );
    const [newest] = await monitoringQuery<{ id: number | string }[]>(
      this.dataSource,
      `SELECT MAX(id) AS id FROM ${HEALER_TABLE}`,
    );
    const cutoff = toNumber(newest?.id ?? 0) - KEEP;
    if (cutoff > 0) await monitoringQuery(this.dataSource, `DELETE FROM ${HEALER_TABLE} WHERE id <= ?`, [cutoff]);
  }

  /** Newest first. */
  async latest(limit = 50): Promise<HealerActionView[]> {
    const rows = await monitoringQuery<HealerRow[]>(
      this.dataSource,
      `SELECT id, recorded_at, action, process_id, node_id, detail FROM ${HEALER_TABLE} ORDER BY id DESC LIMIT ?`,
      [limit],
    );
    return rows.map((row) => ({
      time: new Date(toNumber(row.recorded_at)).toISOString(),
      action: row.action,
      process_id: processIdView(row.process_id),
      node_id: row.node_id,
      detail: row.detail,
    }));
  }
}
