import type { ProcessFigures } from '../measure/proc-sampler';
import type { Counters } from '../measure/counter-delta';
import type { NodeTimings } from '../measure/node-latency';
import { percentile } from '../measure/stats';
import type { CallbackFigures } from './deliver-callbacks';

export type CountSource = 'product-metrics' | 'server-status' | 'unavailable';

export interface OperationCounts {
  source: CountSource;
  total?: number;
  perNode?: number;
  breakdown: Counters;
}

export interface RunFigures {
  workload: string;
  mode: string;
  workers: number;
  pipelines: number;
  executedNodes: number;
  activities: number;
  /** Executed nodes plus schedule calls: the engine steps the run took. */
  steps: number;
  /** First submit to the last root pipeline's archived_time, ms. */
  wallMs: number;
  /** Time to get every submit answered, ms. */
  submitMs: number;
  nodesPerSecond: number;
  activityP50Ms: number;
  activityP99Ms: number;
  handoffP50Ms: number;
  handoffP99Ms: number;
  processes: ProcessFigures[];
  sql: OperationCounts;
  /** Round trips to the database (a multi-statement batch is one); absent when not counted. */
  sqlRoundTrips?: OperationCounts;
  queue: OperationCounts;
  /** Server-wide SQL statements and Redis commands per second while the product idled before the run. */
  background?: { sqlPerSecond: number; redisPerSecond: number };
  callbacks?: CallbackFigures;
  idealSeconds?: number;
}

export function counts(
  source: CountSource,
  breakdown: Counters | undefined,
  total: number | undefined,
  nodes: number,
): OperationCounts {
  if (source === 'unavailable' || total === undefined) return { source: 'unavailable', breakdown: {} };
  return { source, total, perNode: nodes > 0 ? total / nodes : undefined, breakdown: breakdown ?? {} };
}

export interface FigureInputs {
  workload: string;
  mode: string;
  workers: number;
  pipelines: number;
  firstSubmitAt: number;
  submittedAt: number;
  detectedAt: number;
  timings: NodeTimings;
  activities: number;
  processes: ProcessFigures[];
  sql: OperationCounts;
  sqlRoundTrips?: OperationCounts;
  queue: OperationCounts;
  background?: RunFigures['background'];
  callbacks?: CallbackFigures;
  idealSeconds?: number;
}

export function computeFigures(input: FigureInputs): RunFigures {
  const { timings } = input;
  // Stored archived_time is exact; the detection time only bounds it when a clock was missing.
  const end = timings.lastFinishedAt ?? input.detectedAt;
  const wallMs = Math.max(0, end - input.firstSubmitAt);
  return {
    workload: input.workload,
    mode: input.mode,
    workers: input.workers,
    pipelines: input.pipelines,
    executedNodes: timings.executedNodes,
    activities: input.activities,
    steps: timings.executedNodes + timings.scheduleSteps,
    wallMs,
    submitMs: input.submittedAt - input.firstSubmitAt,
    nodesPerSecond: wallMs > 0 ? timings.executedNodes / (wallMs / 1000) : Number.NaN,
    activityP50Ms: percentile(timings.activityMs, 50),
    activityP99Ms: percentile(timings.activityMs, 99),
    handoffP50Ms: percentile(timings.handoffMs, 50),
    handoffP99Ms: percentile(timings.handoffMs, 99),
    processes: input.processes,
    sql: input.sql,
    ...(input.sqlRoundTrips ? { sqlRoundTrips: input.sqlRoundTrips } : {}),
    queue: input.queue,
    ...(input.background ? { background: input.background } : {}),
    ...(input.callbacks ? { callbacks: input.callbacks } : {}),
    ...(input.idealSeconds !== undefined ? { idealSeconds: input.idealSeconds } : {}),
  };
}
