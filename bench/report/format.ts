import type { RunFigures } from '../run/run-figures';
import type { Summary } from './summary';
import { fixed, markdownTable } from './table';
import type { TargetCheck } from './targets';

/** One row per repeat: the raw figures behind the medians. */
export function runsTable(runs: readonly RunFigures[]): string {
  return markdownTable(
    [
      '#',
      'wall s',
      'nodes/s',
      'act p50 ms',
      'act p99 ms',
      'handoff p50 ms',
      'handoff p99 ms',
      'SQL/node',
      'queue ops/node',
    ],
    runs.map((r, i) => [
      String(i + 1),
      fixed(r.wallMs / 1000, 2),
      fixed(r.nodesPerSecond, 0),
      fixed(r.activityP50Ms, 0),
      fixed(r.activityP99Ms, 0),
      fixed(r.handoffP50Ms, 0),
      fixed(r.handoffP99Ms, 0),
      fixed(r.sql.perNode, 1),
      fixed(r.queue.perNode, 1),
    ]),
  );
}

export function summaryTable(s: Summary): string {
  const rows: string[][] = [
    ['wall time (first submit → last FINISHED)', `${fixed(s.wallMs / 1000, 2)} s`],
    ['nodes per second', fixed(s.nodesPerSecond, 0)],
    ['activity RUNNING→FINISHED p50 / p99', `${fixed(s.activityP50Ms, 0)} / ${fixed(s.activityP99Ms, 0)} ms`],
    ['handoff FINISHED→next RUNNING p50 / p99', `${fixed(s.handoffP50Ms, 0)} / ${fixed(s.handoffP99Ms, 0)} ms`],
    ['SQL statements per executed node', fixed(s.sqlPerNode, 1)],
    ['SQL round trips per executed node (a batch is one)', fixed(s.sqlRoundTripsPerNode, 1)],
    ['queue operations per executed node', fixed(s.queueOpsPerNode, 1)],
  ];
  for (const p of s.processes) {
    const notes = [
      ...(p.mainThreadCpuSeconds === undefined ? [] : [`main thread ${fixed(p.mainThreadCpuSeconds, 2)} s`]),
      ...(p.nice === undefined ? [] : [`nice ${p.nice}`]),
    ];
    const main = notes.length === 0 ? '' : ` (${notes.join(', ')})`;
    rows.push([`${p.label}: peak RSS / CPU`, `${fixed(p.peakRssMiB, 0)} MiB / ${fixed(p.cpuSeconds, 2)} s${main}`]);
  }
  if (s.background) {
    rows.push([
      'server-wide idle rate before the run (SQL / Redis)',
      `${fixed(s.background.sqlPerSecond, 0)} / ${fixed(s.background.redisPerSecond, 0)} per s`,
    ]);
  }
  if (s.callbacksPerSecond !== undefined) rows.push(['callbacks accepted per second', fixed(s.callbacksPerSecond, 0)]);
  if (s.callbackRequestP50Ms !== undefined) {
    rows.push([
      'callback request (sent → 202) p50 / p99',
      `${fixed(s.callbackRequestP50Ms, 0)} / ${fixed(s.callbackRequestP99Ms, 0)} ms`,
    ]);
  }
  if (s.callbackWindowCpuSeconds) {
    const cpu = Object.entries(s.callbackWindowCpuSeconds).map(([label, seconds]) => `${label} ${fixed(seconds, 2)}`);
    rows.push(['CPU s during the callbacks (first sent → last 202)', cpu.join(', ')]);
  }
  if (s.idealRatio !== undefined) rows.push(['wall / ideal', fixed(s.idealRatio, 3)]);
  if (s.floor) {
    const f = s.floor;
    const parts = [
      f.queueMs === undefined ? undefined : `queue ${fixed(f.queueMs / 1000, 3)} s`,
      `SQL ${fixed(f.sqlMs / 1000, 3)} s`,
    ];
    rows.push([`floor for ${f.operations} steps (alone)`, parts.filter(Boolean).join(', ')]);
    rows.push(['floor (queue and SQL together)', `${fixed(f.totalMs / 1000, 3)} s`]);
    rows.push(['wall / floor', fixed(s.floorRatio, 1)]);
  }
  const title = `${s.workload}, ${s.mode}${s.mode === 'distributed' ? ` (${s.workers} workers)` : ''}, median of ${s.repeats}`;
  return `${title}\n\n${markdownTable(['figure', 'value'], rows)}`;
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  if (checks.length === 0) return '';
  return markdownTable(
    ['target', 'measured', 'met'],
    checks.map((c) => [c.target, c.measured, c.met ? 'yes' : 'NO']),
  );
}
