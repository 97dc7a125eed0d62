import type { RunFigures } from '../run/run-figures';
import { markdownTable } from './table';
import type { TargetCheck } from './targets';

/** Server processes are sampled too, but their memory is not ours to judge. */
const SERVERS = new Set(['mariadbd', 'redis-server']);

/** The first run warms up (JIT, pools, caches); growth is judged from the second run on. */
const BASELINE_RUN = 1;

/** Allowed growth of a process's RSS from the baseline run to the last one. */
export const GROWTH_LIMIT = 0.1;

export interface GrowthRow {
  label: string;
  /** RSS at the end of each run, in run order, MiB. */
  endRssMiB: number[];
  /** V8 heap in use after each run, MiB (undefined where the process exposes no metrics). */
  heapUsedMiB: (number | undefined)[];
}

/**
 * Memory after each run of repeats that shared one product (`--same-product`): the same processes
 * served every run, so a leak shows as RSS and heap rising run after run.
 */
export function memoryGrowth(runs: readonly RunFigures[]): GrowthRow[] {
  const labels = [...new Set(runs.flatMap((r) => r.processes.map((p) => p.label)))].filter((l) => !SERVERS.has(l));
  return labels.map((label) => {
    const at = (r: RunFigures) => r.processes.find((p) => p.label === label);
    return {
      label,
      endRssMiB: runs.map((r) => at(r)?.endRssMiB ?? Number.NaN),
      heapUsedMiB: runs.map((r) => at(r)?.heapUsedMiB),
    };
  });
}

const mib = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(0));

export function growthTable(rows: readonly GrowthRow[]): string {
  const runs = Math.max(0, ...rows.map((r) => r.endRssMiB.length));
  const header = ['process', ...Array.from({ length: runs }, (_, i) => `after run ${i + 1} RSS / heap MiB`)];
  return markdownTable(
    header,
    rows.map((r) => [r.label, ...r.endRssMiB.map((rss, i) => `${mib(rss)} / ${mib(r.heapUsedMiB[i])}`)]),
  );
}

/**
 * "Nothing grows without bound across repeated runs": every process's RSS after the last run is
 * within GROWTH_LIMIT of its RSS after the second. Needs three runs or more.
 */
export function checkGrowth(rows: readonly GrowthRow[]): TargetCheck | undefined {
  const judged = rows.filter((r) => r.endRssMiB.length > BASELINE_RUN + 1);
  if (judged.length === 0) return undefined;
  const growths = judged.map((r) => {
    const base = r.endRssMiB[BASELINE_RUN]!;
    const last = r.endRssMiB[r.endRssMiB.length - 1]!;
    return { label: r.label, ratio: (last - base) / base };
  });
  const worst = growths.reduce((a, b) => (b.ratio > a.ratio || Number.isNaN(b.ratio) ? b : a));
  const runs = judged[0]!.endRssMiB.length;
  return {
    target: `RSS growth from run ${BASELINE_RUN + 1} to run ${runs} < ${GROWTH_LIMIT * 100}% (one product)`,
    measured: `${worst.label} ${(worst.ratio * 100).toFixed(1)}%`,
    met: growths.every((g) => g.ratio < GROWTH_LIMIT),
  };
}
