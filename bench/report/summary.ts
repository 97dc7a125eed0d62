import type { FloorFigures } from '../floors/floors';
import { median } from '../measure/stats';
import type { RunFigures } from '../run/run-figures';

export interface ProcessSummary {
  label: string;
  peakRssMiB: number;
  cpuSeconds: number;
  /** Median CPU seconds of the main thread (absent where not read). */
  mainThreadCpuSeconds?: number;
  /** The main thread's nice value in the last run that read it (a setting, not a measure). */
  nice?: number;
}

export interface Summary {
  workload: string;
  mode: string;
  workers: number;
  repeats: number;
  wallMs: number;
  nodesPerSecond: number;
  activityP50Ms: number;
  activityP99Ms: number;
  handoffP50Ms: number;
  handoffP99Ms: number;
  /** Per process label (same-named processes such as several mariadbd pids are summed per run). */
  processes: ProcessSummary[];
  sqlPerNode?: number;
  sqlRoundTripsPerNode?: number;
  queueOpsPerNode?: number;
  callbacksPerSecond?: number;
  callbackRequestP50Ms?: number;
  callbackRequestP99Ms?: number;
  /** Median over the runs, per label, of the CPU seconds used during the callback window. */
  callbackWindowCpuSeconds?: Record<string, number>;
  background?: { sqlPerSecond: number; redisPerSecond: number };
  idealRatio?: number;
  floor?: FloorFigures;
  floorRatio?: number;
}

const med = (runs: readonly RunFigures[], pick: (r: RunFigures) => number | undefined): number | undefined => {
  const values = runs.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length === 0 ? undefined : median(values);
};

function processSummaries(runs: readonly RunFigures[]): ProcessSummary[] {
  const labels = [...new Set(runs.flatMap((r) => r.processes.map((p) => p.label)))];
  return labels.map((label) => {
    const perRun = (r: RunFigures, field: 'peakRssMiB' | 'cpuSeconds'): number => {
      const list = r.processes.filter((p) => p.label === label);
      // Several pids under one label (rare) add their CPU; their peak RSS is the largest.
      return field === 'cpuSeconds'
        ? list.reduce((s, p) => s + p.cpuSeconds, 0)
        : Math.max(...list.map((p) => p.peakRssMiB));
    };
    const mainThread = med(runs, (r) => {
      const list = r.processes.filter((p) => p.label === label);
      return list.some((p) => p.mainThreadCpuSeconds === undefined)
        ? undefined
        : list.reduce((s, p) => s + p.mainThreadCpuSeconds!, 0);
    });
    const nice = runs
      .flatMap((r) => r.processes.filter((p) => p.label === label).map((p) => p.nice))
      .filter((value) => value !== undefined)
      .pop();
    return {
      label,
      peakRssMiB: med(runs, (r) => perRun(r, 'peakRssMiB')) ?? Number.NaN,
      cpuSeconds: med(runs, (r) => perRun(r, 'cpuSeconds')) ?? Number.NaN,
      ...(mainThread === undefined ? {} : { mainThreadCpuSeconds: mainThread }),
      ...(nice === undefined ? {} : { nice }),
    };
  });
}

function windowCpu(runs: readonly RunFigures[]): Record<string, number> | undefined {
  const labels = [...new Set(runs.flatMap((r) => Object.keys(r.callbacks?.windowCpuSeconds ?? {})))];
  if (labels.length === 0) return undefined;
  return Object.fromEntries(
    labels.map((label) => [label, med(runs, (r) => r.callbacks?.windowCpuSeconds?.[label]) ?? Number.NaN]),
  );
}

/** Medians over the repeats of one configuration, plus the floor ratio. */
export function summarise(runs: readonly RunFigures[], floor?: FloorFigures): Summary {
  const first = runs[0];
  if (!first) throw new Error('bench: nothing to summarise');
  const wallMs = med(runs, (r) => r.wallMs) ?? Number.NaN;
  const ideal = first.idealSeconds;
  return {
    workload: first.workload,
    mode: first.mode,
    workers: first.workers,
    repeats: runs.length,
    wallMs,
    nodesPerSecond: med(runs, (r) => r.nodesPerSecond) ?? Number.NaN,
    activityP50Ms: med(runs, (r) => r.activityP50Ms) ?? Number.NaN,
    activityP99Ms: med(runs, (r) => r.activityP99Ms) ?? Number.NaN,
    handoffP50Ms: med(runs, (r) => r.handoffP50Ms) ?? Number.NaN,
    handoffP99Ms: med(runs, (r) => r.handoffP99Ms) ?? Number.NaN,
    processes: processSummaries(runs),
    sqlPerNode: med(runs, (r) => r.sql.perNode),
    sqlRoundTripsPerNode: med(runs, (r) => r.sqlRoundTrips?.perNode),
    queueOpsPerNode: med(runs, (r) => r.queue.perNode),
    callbacksPerSecond: med(runs, (r) => r.callbacks?.acceptedPerSecond),
    callbackRequestP50Ms: med(runs, (r) => r.callbacks?.requestP50Ms),
    callbackRequestP99Ms: med(runs, (r) => r.callbacks?.requestP99Ms),
    callbackWindowCpuSeconds: windowCpu(runs),
    background: first.background && {
      sqlPerSecond: med(runs, (r) => r.background?.sqlPerSecond) ?? Number.NaN,
      redisPerSecond: med(runs, (r) => r.background?.redisPerSecond) ?? Number.NaN,
    },
    idealRatio: ideal === undefined ? undefined : wallMs / (ideal * 1000),
    floor,
    floorRatio: floor && floor.totalMs > 0 ? wallMs / floor.totalMs : undefined,
  };
}
