import type { RunFigures } from '../run/run-figures';
import { checkGrowth, growthTable, memoryGrowth } from './memory-growth';

function run(workerRss: number, workerHeap: number): RunFigures {
  return {
    workload: 'multi',
    mode: 'distributed',
    workers: 1,
    pipelines: 100,
    executedNodes: 2000,
    activities: 900,
    steps: 2900,
    wallMs: 3000,
    submitMs: 100,
    nodesPerSecond: 666,
    activityP50Ms: 10,
    activityP99Ms: 40,
    handoffP50Ms: 2,
    handoffP99Ms: 9,
    processes: [
      { label: 'api', pid: 1, peakRssMiB: 130, cpuSeconds: 1, endRssMiB: 120, heapUsedMiB: 40 },
      {
        label: 'worker-1',
        pid: 2,
        peakRssMiB: workerRss + 5,
        cpuSeconds: 2,
        endRssMiB: workerRss,
        heapUsedMiB: workerHeap,
      },
      { label: 'mariadbd', pid: 3, peakRssMiB: 500, cpuSeconds: 2, endRssMiB: 900 },
    ],
    sql: { source: 'product-metrics', total: 20000, perNode: 10, breakdown: {} },
    queue: { source: 'product-metrics', total: 8000, perNode: 4, breakdown: {} },
  };
}

describe('memory growth across runs on one product', () => {
  it('lists RSS and heap after each run for the product processes only', () => {
    const rows = memoryGrowth([run(150, 50), run(160, 55)]);
    expect(rows).toEqual([
      { label: 'api', endRssMiB: [120, 120], heapUsedMiB: [40, 40] },
      { label: 'worker-1', endRssMiB: [150, 160], heapUsedMiB: [50, 55] },
    ]);
    expect(growthTable(rows).split('\n')[2]).toBe(
      '| api      | 120 / 40                   | 120 / 40                   |',
    );
  });

  it('judges the last run against the high of the earlier runs, after warm-up', () => {
    // Run 1 (100 MiB) is warm-up; the heap saws with garbage collection but sets no new high.
    const sawing = checkGrowth(memoryGrowth([run(100, 30), run(150, 50), run(170, 90), run(160, 51)]));
    expect(sawing).toEqual({
      target: 'after run 4, RSS and heap ≤ 110% of their high in runs 2–3 (one product)',
      measured: 'api RSS 100.0%',
      met: true,
    });
    const leaking = checkGrowth(memoryGrowth([run(150, 50), run(150, 50), run(170, 70), run(190, 90)]));
    expect(leaking).toMatchObject({ measured: 'worker-1 heap 128.6%', met: false });
  });

  it('gives no verdict with fewer than three runs', () => {
    expect(checkGrowth(memoryGrowth([run(150, 50), run(300, 90)]))).toBeUndefined();
  });
});
