import type { Summary } from './summary';
import { fixed, markdownTable } from './table';

/** One row per configuration: the README's results table. */
export function overviewTable(summaries: readonly Summary[]): string {
  return markdownTable(
    [
      'workload',
      'mode',
      'workers',
      'wall s (median)',
      'nodes/s',
      'act p50/p99 ms',
      'SQL/node',
      'round trips/node',
      'queue ops/node',
      'max worker RSS MiB',
      'wall/floor',
    ],
    summaries.map((s) => {
      const workers = s.processes.filter((p) => p.label.startsWith('worker-') || p.label === 'embedded');
      return [
        s.workload,
        s.mode,
        String(s.workers),
        fixed(s.wallMs / 1000, 2),
        fixed(s.nodesPerSecond, 0),
        `${fixed(s.activityP50Ms, 0)}/${fixed(s.activityP99Ms, 0)}`,
        fixed(s.sqlPerNode, 1),
        fixed(s.sqlRoundTripsPerNode, 1),
        fixed(s.queueOpsPerNode, 1),
        workers.length === 0 ? 'n/a' : fixed(Math.max(...workers.map((p) => p.peakRssMiB)), 0),
        fixed(s.floorRatio, 1),
      ];
    }),
  );
}
