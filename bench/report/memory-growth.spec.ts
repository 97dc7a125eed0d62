import type { RunFigures } from '../run/run-figures';
import { checkGrowth, growthTable, memoryGrowth } from './memory-growth';

function run(workerRss: number, workerHeap: number, workerLive?: number): RunFigures {
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
      { label: 'api', pid: 1, peakRssMiB: 130, cpuSeconds: 1, endRssMiB: 120, heapUsedMiB: 40, heapLiveMiB: 30 },
      {
        label: 'worker-1',
        pid: 2,
        peakRssMiB: workerRss + 5,
        cpuSeconds: 2,
        endRssMiB: workerRss,
        heapUsedMiB: workerHeap,
        ...(workerLive === undefined ? {} : { heapLiveMiB: workerLive }),
      },
      { label: 'mariadbd', pid: 3, peakRssMiB: 500, cpuSeconds: 2, endRssMiB: 900 },
    ],
    sql: { source: 'product-metrics', total: 20000, perNode: 10, breakdown: {} },
    queue: { source: 'product-metrics', total: 8000, perNode: 4, breakdown: {} },
  };
}

describe('memory growth across runs on one product', () => {
  it('lists RSS, heap in use and live heap after each run for the product processes only', () => {
    const rows = memoryGrowth([run(150, 50, 41), run(160, 55)]);
    expect(rows).toEqual([
      { label: 'api', endRssMiB: [120, 120], heapUsedMiB: [40, 40], heapLiveMiB: [30, 30] },
      { label: 'worker-1', endRssMiB: [150, 160], heapUsedMiB: [50, 55], heapLiveMiB: [41, undefined] },
    ]);
    const lines = growthTable(rows).split('\n');
    expect(lines[0]).toMatch(
      /^\| process +\| after run 1 RSS \/ heap \/ live MiB \| after run 2 RSS \/ heap \/ live MiB \|$/,
    );
    expect(lines[2]).toBe('| api      | 120 / 40 / 30                     | 120 / 40 / 30                     |');
    expect(lines[3]).toBe('| worker-1 | 150 / 50 / 41                     | 160 / 55 / –                      |');
  });

  it('judges the live heap, not RSS and heap in use, which hold uncollected garbage', () => {
    // The measured case: RSS and heap in use climb every run while the live heap stays flat.
    const garbage = checkGrowth(
      memoryGrowth([run(163, 64, 50), run(170, 70, 52), run(190, 90, 51), run(225, 122, 53)]),
    );
    expect(garbage).toEqual({
      target:
        'after run 4, live heap (after a major GC) ≤ 110% of its high in runs 2–3 ' +
        '(one product; RSS and heap in use hold uncollected garbage, not judged)',
      measured: 'worker-1 live heap 101.9%',
      met: true,
    });
    const leaking = checkGrowth(memoryGrowth([run(150, 50, 40), run(150, 50, 40), run(150, 50, 44), run(150, 50, 50)]));
    expect(leaking).toMatchObject({ measured: 'worker-1 live heap 113.6%', met: false });
  });

  it('judges the last run against the high of the earlier runs, after warm-up', () => {
    // Run 1 (20 MiB) is warm-up; a major GC in the middle of run 3 counted pipelines in flight.
    const sawing = checkGrowth(memoryGrowth([run(150, 50, 20), run(150, 50, 40), run(150, 50, 60), run(150, 50, 45)]));
    expect(sawing).toMatchObject({ measured: 'api live heap 100.0%', met: true });
  });

  it('gives no verdict with fewer than three runs or without live heap figures', () => {
    expect(checkGrowth(memoryGrowth([run(150, 50, 40), run(300, 90, 80)]))).toBeUndefined();
    const older = memoryGrowth([run(150, 50), run(150, 50), run(300, 90)]).map((r) => ({
      ...r,
      heapLiveMiB: r.heapLiveMiB.map(() => undefined),
    }));
    expect(checkGrowth(older)).toBeUndefined();
  });

  it('names the processes it could not judge (no major GC during the runs)', () => {
    const check = checkGrowth(memoryGrowth([run(158, 64), run(164, 72), run(171, 76), run(219, 120)]));
    expect(check).toMatchObject({ measured: 'api live heap 100.0%; no live figure: worker-1', met: true });
  });
});
