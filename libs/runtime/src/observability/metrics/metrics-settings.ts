import { hostname } from 'node:os';

/** Spec 08 §7.4.1: shared by every histogram. */
export const DEFAULT_METRIC_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 25, 50, 75, 100,
];

export type MetricsNaming = 'prometheus' | 'legacy';

export interface MetricsSettings {
  readonly buckets: readonly number[];
  readonly naming: MetricsNaming;
  /** The `hostname` label of spec 08 §7.1. */
  readonly hostname: string;
}

/**
 * `BAMBOO_ENGINE_METRICS_BUCKETS` (comma-separated numbers) and `METRICS_NAMING` (spec 08 §7.4,
 * 10 §B.8). A bad value is a configuration error: failing at start beats silently wrong histograms.
 */
export function loadMetricsSettings(env: Readonly<Record<string, string | undefined>> = process.env): MetricsSettings {
  const problems: string[] = [];
  let buckets = DEFAULT_METRIC_BUCKETS;
  const rawBuckets = env.BAMBOO_ENGINE_METRICS_BUCKETS?.trim();
  if (rawBuckets) {
    const parsed = rawBuckets.split(',').map((part) => Number(part.trim()));
    const increasing = parsed.every((value, i) => i === 0 || value > parsed[i - 1]!);
    if (parsed.some((value) => !Number.isFinite(value)) || !increasing) {
      problems.push(`BAMBOO_ENGINE_METRICS_BUCKETS: expected increasing comma-separated numbers, got "${rawBuckets}"`);
    } else buckets = parsed;
  }
  const naming = (env.METRICS_NAMING?.trim() || 'prometheus') as MetricsNaming;
  if (naming !== 'prometheus' && naming !== 'legacy') {
    problems.push(`METRICS_NAMING: expected prometheus or legacy, got "${String(naming)}"`);
  }
  if (problems.length > 0) throw new Error(`invalid metrics configuration:\n- ${problems.join('\n- ')}`);
  return { buckets, naming, hostname: hostname() };
}
