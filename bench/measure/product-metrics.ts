import { getText } from '../product/api-client';
import type { ProductProcess } from '../product/product-process';
import type { Counters } from './counter-delta';
import { parsePromText, sumBy, total } from './prom-text';

/** The instrumentation counters agreed with the runtime (Prometheus names). */
export const SQL_METRIC = 'bamboo_sql_statements_total';
export const QUEUE_METRIC = 'bamboo_queue_operations_total';
/** Round trips to the database: a multi-statement batch is one, its statements count in SQL_METRIC. */
export const ROUND_TRIPS_METRIC = 'bamboo_sql_round_trips_total';
/** prom-client's default metric of the V8 heap in use. */
export const HEAP_USED_METRIC = 'nodejs_heap_size_used_bytes';

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

/** Each product process's V8 heap in use (MiB) by pid; processes without the metric are left out. */
export async function readHeapUsed(processes: readonly ProductProcess[]): Promise<Map<number, number>> {
  const heaps = new Map<number, number>();
  for (const proc of processes) {
    const text = await metricsText(proc);
    const bytes = text === undefined ? undefined : total(parsePromText(text), HEAP_USED_METRIC);
    if (bytes !== undefined) heaps.set(proc.pid, bytes / 1024 / 1024);
  }
  return heaps;
}
