import { treeGraph } from '../measure/tree-graph';
import { buildWorkload, WORKLOAD_NAMES } from './workloads';

const activitiesOf = (trees: ReturnType<typeof buildWorkload>['pipelines']): number => {
  const graph = new Map();
  for (const tree of trees) treeGraph(tree, graph);
  return [...graph.values()].filter((n: { type: string }) => n.type === 'ServiceActivity').length;
};

describe('workloads', () => {
  it('multi is 100 copies of bench_normal_17 with no id shared between copies', () => {
    const w = buildWorkload('multi');
    expect(w.pipelines).toHaveLength(100);
    const ids = w.pipelines.flatMap((t) => [...treeGraph(t).keys(), t.id]);
    expect(new Set(ids).size).toBe(ids.length);
    // 2 + 2 in the subprocess + 3 parallel + 2 exclusive branches per copy.
    expect(activitiesOf(w.pipelines)).toBe(100 * 9);
  });

  it('big is one bench_parallel_100x10 of 1,000 debug_node activities', () => {
    const w = buildWorkload('big');
    expect(w.pipelines).toHaveLength(1);
    const graph = treeGraph(w.pipelines[0]!);
    expect([...graph.values()].filter((n) => n.code === 'debug_node')).toHaveLength(1000);
  });

  it('long, poll and callbacks have the specified shapes', () => {
    const long = buildWorkload('long');
    expect(activitiesOf(long.pipelines)).toBe(1000);
    const poll = buildWorkload('poll');
    expect(poll.pipelines).toHaveLength(100);
    expect(activitiesOf(poll.pipelines)).toBe(500);
    expect(poll.idealSeconds).toBe(10);
    const callbacks = buildWorkload('callbacks');
    expect(callbacks.callbacks).toBe(true);
    const graph = new Map();
    for (const t of callbacks.pipelines) treeGraph(t, graph);
    expect([...graph.values()].filter((n: { code?: string }) => n.code === 'bamboo_wait_callback')).toHaveLength(1000);
  });

  it('scales down for quick checks and keeps every workload buildable', () => {
    expect(buildWorkload('multi', { scale: 0.05 }).pipelines).toHaveLength(5);
    expect(activitiesOf(buildWorkload('big', { scale: 0.1 }).pipelines)).toBe(100);
    for (const name of WORKLOAD_NAMES) expect(buildWorkload(name, { scale: 0.01 }).pipelines.length).toBeGreaterThan(0);
  });
});
