import { getText } from '../product/api-client';
import type { ProductProcess } from '../product/product-process';
import type { Counters } from './counter-delta';
import { parsePromText, sumBy, total } from './prom-text';

/** The instrumentation counters agreed with the runtime (Prometheus names). */
export const SQL_METRIC = 'bamboo_sql_statements_total';
export const QUEUE_METRIC = 'bamboo_queue_operations_total';
/** Round trips to the database: a multi-statement batch is one, its statements count in SQL_METRIC. */
export const ROUND_TRIPS_METRIC = 'bamboo_sql_round_trips_total';
/** prom-client's default metric of the V8 heap in use, uncollected garbage included. */
export const HEAP_USED_METRIC = 'nodejs_heap_size_used_bytes';
/** The V8 heap in use right after the process's latest major GC: its live data. */
export const HEAP_LIVE_METRIC = 'bamboo_heap_live_bytes';

const MiB = 1024 * 1024;

export interface ProductCounters {
  /** undefined when no process exposes the metric. */
  sql?: number;
  /** undefined when no process exposes the metric (builds before it existed). */
  roundTrips?: number;
  /** Queue operations by `op` label; undefined when no process exposes the metric. */
  queue?: Counters;
}

async function metricsText(proc: ProductProcess): Promise<string | undefined> {
  for (const port of [proc.port, proc.metricsPort]) {
    if (port === undefined) continue;
    const answer = await getText(`http://127.0.0.1:${port}/metrics`);
    if (answer?.status === 200 && answer.text.includes('# TYPE')) return answer.text;
  }
  return undefined;
}

/** Sums the bench-relevant counters over every product process's GET /metrics. */
export async function readProductCounters(processes: readonly ProductProcess[]): Promise<ProductCounters> {
  const out: ProductCounters = {};
  for (const proc of processes) {
    const text = await metricsText(proc);
    if (text === undefined) continue;
    const samples = parsePromText(text);
    const sql = sumBy(samples, SQL_METRIC);
    if (sql.size > 0) out.sql = (out.sql ?? 0) + (sql.get('') ?? 0);
    const roundTrips = total(samples, ROUND_TRIPS_METRIC);
    if (roundTrips !== undefined) out.roundTrips = (out.roundTrips ?? 0) + roundTrips;
    const queue = sumBy(samples, QUEUE_METRIC, 'op');
    if (queue.size > 0) {
      out.queue ??= {};
      for (const [op, value] of queue) out.queue[op] = (out.queue[op] ?? 0) + value;
    }
  }
  return out;
}

export interface HeapFigures {
  /** V8 heap in use, MiB. */
  usedMiB?: number;
  /** V8 heap in use after the latest major GC, MiB; undefined before the first one. */
  liveMiB?: number;
}

/** Each product process's V8 heap figures by pid; processes without /metrics are left out. */
export async function readHeaps(processes: readonly ProductProcess[]): Promise<Map<number, HeapFigures>> {
  const heaps = new Map<number, HeapFigures>();
  for (const proc of processes) {
    const text = await metricsText(proc);
    if (text === undefined) continue;
    const samples = parsePromText(text);
    const used = total(samples, HEAP_USED_METRIC);
    // The gauge is 0 until the process's first major GC: no figure yet, not an empty heap.
    const live = total(samples, HEAP_LIVE_METRIC) || undefined;
    heaps.set(proc.pid, {
      ...(used === undefined ? {} : { usedMiB: used / MiB }),
      ...(live === undefined ? {} : { liveMiB: live / MiB }),
    });
  }
  return heaps;
}
