import type { RunFigures } from '../run/run-figures';
import { markdownTable } from './table';
import type { TargetCheck } from './targets';

/** Server processes are sampled too, but their memory is not ours to judge. */
const SERVERS = new Set(['mariadbd', 'redis-server']);

/** The first run warms up (JIT, pools, caches); growth is judged from the second run on. */
const BASELINE_RUN = 1;

/** How far the last run's live heap may go above the earlier high before memory counts as growing. */
export const GROWTH_LIMIT = 0.1;

export interface GrowthRow {
  label: string;
  /** RSS at the end of each run, in run order, MiB. */
  endRssMiB: number[];
  /** V8 heap in use after each run, MiB (undefined where the process exposes no metrics). */
  heapUsedMiB: (number | undefined)[];
  /** V8 heap in use after the latest major GC before each run's end, MiB (undefined where unknown). */
  heapLiveMiB: (number | undefined)[];
}

/**
 * Memory after each run of repeats that shared one product (`--same-product`): the same processes
 * served every run, so a leak shows as the live heap rising run after run.
 */
export function memoryGrowth(runs: readonly RunFigures[]): GrowthRow[] {
  const labels = [...new Set(runs.flatMap((r) => r.processes.map((p) => p.label)))].filter((l) => !SERVERS.has(l));
  return labels.map((label) => {
    const at = (r: RunFigures) => r.processes.find((p) => p.label === label);
    return {
      label,
      endRssMiB: runs.map((r) => at(r)?.endRssMiB ?? Number.NaN),
      heapUsedMiB: runs.map((r) => at(r)?.heapUsedMiB),
      heapLiveMiB: runs.map((r) => at(r)?.heapLiveMiB),
    };
  });
}

const mib = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(0));

export function growthTable(rows: readonly GrowthRow[]): string {
  const runs = Math.max(0, ...rows.map((r) => r.endRssMiB.length));
  const header = ['process', ...Array.from({ length: runs }, (_, i) => `after run ${i + 1} RSS / heap / live MiB`)];
  return markdownTable(
    header,
    rows.map((r) => [
      r.label,
      ...r.endRssMiB.map((rss, i) => `${mib(rss)} / ${mib(r.heapUsedMiB[i])} / ${mib(r.heapLiveMiB[i])}`),
    ]),
  );
}

/**
 * "Nothing grows without bound across repeated runs", judged on the live heap (V8's heap in use
 * right after its latest major GC): after the last run, every process's live heap is within
 * GROWTH_LIMIT of the highest value it reached after an earlier run (from the second on). RSS and
 * the heap in use also hold garbage V8 has not collected yet, and with no memory pressure V8 grows
 * the old generation rather than collect, so both rise on a process whose live data is flat; a
 * leak raises the live heap. The live heap still saws (a major GC in the middle of a run counts
 * the pipelines in flight), so the last run is compared with the earlier high, not with one run.
 * Needs three runs or more and a product that exposes the live heap.
 */
export function checkGrowth(rows: readonly GrowthRow[]): TargetCheck | undefined {
  const runs = Math.max(0, ...rows.map((r) => r.heapLiveMiB.length));
  if (runs <= BASELINE_RUN + 1) return undefined;
  const ratios = rows.map((r) => ({ label: r.label, ratio: lastOverEarlierHigh(r.heapLiveMiB) }));
  const growths = ratios.filter((g): g is { label: string; ratio: number } => g.ratio !== undefined);
  if (growths.length === 0) return undefined;
  const worst = growths.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  // A process V8 never fully collected during the runs has no live figure: say so rather than pass it.
  const unjudged = ratios.filter((g) => g.ratio === undefined).map((g) => g.label);
  return {
    target:
      `after run ${runs}, live heap (after a major GC) ≤ ${100 + GROWTH_LIMIT * 100}% of its high in runs ` +
      `${BASELINE_RUN + 1}–${runs - 1} (one product; RSS and heap in use hold uncollected garbage, not judged)`,
    measured:
      `${worst.label} live heap ${(worst.ratio * 100).toFixed(1)}%` +
      (unjudged.length > 0 ? `; no live figure: ${unjudged.join(', ')}` : ''),
    met: growths.every((g) => g.ratio <= 1 + GROWTH_LIMIT),
  };
}

/** The last value over the highest earlier one (from the baseline run on); undefined if unknown. */
function lastOverEarlierHigh(values: readonly (number | undefined)[]): number | undefined {
  const last = values[values.length - 1];
  const earlier = values.slice(BASELINE_RUN, -1).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (last === undefined || !Number.isFinite(last) || earlier.length === 0) return undefined;
  return last / Math.max(...earlier);
}
