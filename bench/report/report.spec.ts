import type { RunFigures } from '../run/run-figures';
import { runsTable, summaryTable, targetsTable } from './format';
import { overviewTable } from './overview';
import { summarise } from './summary';
import { markdownTable } from './table';
import { checkTargets } from './targets';

function run(wallMs: number, workerRss: number): RunFigures {
  return {
    workload: 'multi',
    mode: 'distributed',
    workers: 2,
    pipelines: 100,
    executedNodes: 2000,
    activities: 900,
    steps: 2900,
    wallMs,
    submitMs: 100,
    nodesPerSecond: 2000 / (wallMs / 1000),
    activityP50Ms: 10,
    activityP99Ms: 40,
    handoffP50Ms: 2,
    handoffP99Ms: 9,
    processes: [
      { label: 'api', pid: 1, peakRssMiB: 120, cpuSeconds: 1 },
      { label: 'worker-1', pid: 2, peakRssMiB: workerRss, cpuSeconds: 2, mainThreadCpuSeconds: 1, nice: 10 },
      { label: 'worker-2', pid: 3, peakRssMiB: 150, cpuSeconds: 2 },
    ],
    sql: { source: 'server-status', total: 20000, perNode: 10, breakdown: {} },
    sqlRoundTrips: { source: 'product-metrics', total: 6000, perNode: 3, breakdown: {} },
    queue: { source: 'server-status', total: 8000, perNode: 4, breakdown: {} },
  };
}

describe('reports', () => {
  const runs = [run(2000, 180), run(3000, 190), run(2400, 250)];
  const summary = summarise(runs, { operations: 2900, queueMs: 300, sqlMs: 500, totalMs: 800 });

  it('summarises medians and the floor ratio', () => {
    expect(summary.wallMs).toBe(2400);
    expect(summary.repeats).toBe(3);
    expect(summary.processes.find((p) => p.label === 'worker-1')?.peakRssMiB).toBe(190);
    expect(summary.sqlPerNode).toBe(10);
    expect(summary.sqlRoundTripsPerNode).toBe(3);
    expect(summaryTable(summary)).toMatch(/SQL round trips per executed node \(a batch is one\) +\| 3\.0 /);
    expect(summary.floorRatio).toBe(3);
  });

  it("shows a process's main-thread CPU and nice value next to its CPU, where they were read", () => {
    const table = summaryTable(summary);
    expect(table).toMatch(/worker-1: peak RSS \/ CPU +\| 190 MiB \/ 2\.00 s \(main thread 1\.00 s, nice 10\) +\|/);
    expect(table).toMatch(/api: peak RSS \/ CPU +\| 120 MiB \/ 1\.00 s +\|/);
  });

  it('checks the targets that apply', () => {
    expect(checkTargets(summary)).toEqual([
      { target: 'multi ≤ 2.5 s', measured: '2.40 s', met: true },
      { target: 'worker RSS < 200 MiB', measured: '190 MiB', met: true },
    ]);
    expect(checkTargets({ ...summary, mode: 'embedded', workers: 0 })[0]).toMatchObject({
      target: 'multi ≤ 1.5 s',
      met: false,
    });
    expect(checkTargets({ ...summary, workload: 'long' })).toEqual([]);
  });

  it('prints aligned Markdown tables', () => {
    expect(markdownTable(['a', 'bb'], [['ccc', 'd']])).toBe('| a   | bb |\n|-----|----|\n| ccc | d  |');
    expect(runsTable(runs).split('\n')).toHaveLength(5);
    expect(summaryTable(summary)).toContain('wall / floor');
    expect(targetsTable(checkTargets(summary))).toContain('| yes');
    expect(overviewTable([summary])).toContain('| multi');
  });
});
