import type { RunFigures } from '../run/run-figures';
import { markdownTable } from './table';
import type { TargetCheck } from './targets';

/** Server processes are sampled too, but their memory is not ours to judge. */
const SERVERS = new Set(['mariadbd', 'redis-server']);

/** The first run warms up (JIT, pools, caches); growth is judged from the second run on. */
const BASELINE_RUN = 1;

/** How far the last run may go above the earlier high before memory counts as growing. */
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
 * "Nothing grows without bound across repeated runs": after the last run, every process's RSS and
 * V8 heap are within GROWTH_LIMIT of the highest value they reached after an earlier run (from the
 * second on). A leak sets a new high after every run; garbage collection makes the heap a saw, so
 * comparing two single runs would judge the saw, not the trend. Needs three runs or more.
 */
export function checkGrowth(rows: readonly GrowthRow[]): TargetCheck | undefined {
  const judged = rows.filter((r) => r.endRssMiB.length > BASELINE_RUN + 1);
  if (judged.length === 0) return undefined;
  const growths = judged.flatMap((r) => [
    { what: `${r.label} RSS`, ratio: lastOverEarlierHigh(r.endRssMiB) },
    { what: `${r.label} heap`, ratio: lastOverEarlierHigh(r.heapUsedMiB) },
  ]);
  const known = growths.filter((g) => g.ratio !== undefined) as { what: string; ratio: number }[];
  const worst = known.reduce((a, b) => (b.ratio > a.ratio || Number.isNaN(b.ratio) ? b : a));
  const runs = judged[0]!.endRssMiB.length;
  return {
    target: `after run ${runs}, RSS and heap ≤ ${100 + GROWTH_LIMIT * 100}% of their high in runs ${BASELINE_RUN + 1}–${runs - 1} (one product)`,
    measured: `${worst.what} ${(worst.ratio * 100).toFixed(1)}%`,
    met: known.every((g) => g.ratio <= 1 + GROWTH_LIMIT),
  };
}

/** The last value over the highest earlier one (from the baseline run on); undefined if unknown. */
function lastOverEarlierHigh(values: readonly (number | undefined)[]): number | undefined {
  const last = values[values.length - 1];
  const earlier = values.slice(BASELINE_RUN, -1).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (last === undefined || earlier.length === 0) return undefined;
  return last / Math.max(...earlier);
}
