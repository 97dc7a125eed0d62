import { counterDelta, parseCommandStats, sumCounters } from './counter-delta';
import { nodeTimings } from './node-latency';
import { ProcSampler, type ProcReader } from './proc-sampler';
import { parseStatNice, parseStatTicks, parseStatus } from './proc-stat';
import { parsePromText, sumBy, total } from './prom-text';
import { flattenStates, type StateEntry } from './states';
import { median, percentile } from './stats';
import type { GraphNode } from './tree-graph';

const at = (ms: number): string => new Date(Date.UTC(2024, 0, 1) + ms).toISOString();
const entry = (id: string, state: string, started?: number, archived?: number): StateEntry => ({
  id,
  state,
  started_time: started === undefined ? null : at(started),
  archived_time: archived === undefined ? null : at(archived),
  children: {},
});

describe('stats', () => {
  it('takes nearest-rank percentiles and medians', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 99)).toBe(5);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('nodeTimings', () => {
  const graph = new Map<string, GraphNode>([
    ['s', { id: 's', type: 'EmptyStartEvent', sources: [] }],
    ['a', { id: 'a', type: 'ServiceActivity', code: 'debug_node', sources: ['s'] }],
    ['b', { id: 'b', type: 'ServiceActivity', code: 'bench_poll', sources: ['s'] }],
    ['c', { id: 'c', type: 'ConvergeGateway', sources: ['a', 'b', 'x'] }],
    ['x', { id: 'x', type: 'ServiceActivity', code: 'debug_node', sources: ['s'] }],
  ]);
  const states = flattenStates({
    p: {
      ...entry('p', 'FINISHED', 0, 100),
      children: {
        s: entry('s', 'FINISHED', 1, 2),
        a: entry('a', 'FINISHED', 5, 25),
        b: entry('b', 'FINISHED', 4, 54),
        c: entry('c', 'FINISHED', 60, 61),
      },
    },
  });

  it('measures activities, handoffs from the last predecessor, and steps of executed nodes only', () => {
    const t = nodeTimings(graph, states, ['p'], { debug_node: 1, bench_poll: 3 });
    expect(t.activityMs.sort((x, y) => x - y)).toEqual([20, 50]);
    // a and b wait 3 and 2 ms after s; c starts 6 ms after b, its last finished source (x never ran).
    expect(t.handoffMs.sort((x, y) => x - y)).toEqual([2, 3, 6]);
    expect(t.executedNodes).toBe(4);
    expect(t.scheduleSteps).toBe(4);
    expect(t.lastFinishedAt).toBe(Date.UTC(2024, 0, 1) + 100);
    expect(t.firstStartedAt).toBe(Date.UTC(2024, 0, 1));
  });

  it('flattens nested children too', () => {
    const nested = flattenStates({
      p: {
        ...entry('p', 'RUNNING'),
        children: { q: { ...entry('q', 'RUNNING'), children: { r: entry('r', 'READY') } } },
      },
    });
    expect([...nested.keys()].sort()).toEqual(['p', 'q', 'r']);
  });
});

describe('/proc parsing and sampling', () => {
  it('reads VmRSS/VmHWM and utime+stime, even with spaces in the command name', () => {
    expect(parseStatus('Name:\tnode\nVmHWM:\t  20480 kB\nVmRSS:\t  10240 kB\n')).toEqual({
      rssKiB: 10240,
      hwmKiB: 20480,
    });
    const stat = '1234 (node main) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 100 0 0';
    expect(parseStatTicks(stat)).toBe(300);
    expect(parseStatNice(stat)).toBe(0);
    expect(parseStatNice('77 (node (worker) x) S 1 77 77 0 -1 4194560 9 0 0 0 5 1 0 0 30 10 11 0 100 0 0')).toBe(10);
  });

  it('keeps the peak and the last RSS, the CPU delta of the window, and the last CPU of a process that exited', () => {
    const rss = [100, 300, 200];
    const cpu = [10, 11, 12.5];
    const main = [8, 8.5, 9.25];
    let tick = 0;
    const reader: ProcReader = {
      rssKiB: () => rss[Math.min(tick, rss.length - 1)],
      cpuSeconds: () => (tick < cpu.length ? cpu[tick] : undefined),
      mainThreadCpuSeconds: () => (tick < main.length ? main[tick] : undefined),
      mainThreadNice: () => (tick < main.length ? 10 : undefined),
    };
    const sampler = new ProcSampler(60_000, reader);
    sampler.track('worker-1', 42, true);
    sampler.track('mariadbd', 7);
    sampler.start();
    tick = 1;
    sampler.sample();
    tick = 2;
    sampler.sample();
    tick = 3;
    const [figures, server] = sampler.stop();
    expect(server?.mainThreadCpuSeconds).toBeUndefined();
    expect(server?.nice).toBeUndefined();
    expect(figures).toEqual({
      label: 'worker-1',
      pid: 42,
      peakRssMiB: 300 / 1024,
      cpuSeconds: 2.5,
      mainThreadCpuSeconds: 1.25,
      nice: 10,
      endRssMiB: 200 / 1024,
    });
  });
});

describe('counters', () => {
  it('parses Prometheus text and sums by label', () => {
    const samples = parsePromText(
      [
        '# HELP bamboo_queue_operations_total ops',
        '# TYPE bamboo_queue_operations_total counter',
        'bamboo_queue_operations_total{op="add",queue="er_execute"} 10',
        'bamboo_queue_operations_total{op="add",queue="er_schedule"} 5',
        'bamboo_queue_operations_total{op="process"} 12',
        'bamboo_sql_statements_total 99',
      ].join('\n'),
    );
    expect(Object.fromEntries(sumBy(samples, 'bamboo_queue_operations_total', 'op'))).toEqual({ add: 15, process: 12 });
    expect(total(samples, 'bamboo_sql_statements_total')).toBe(99);
    expect(total(samples, 'missing')).toBeUndefined();
  });

  it('takes deltas of Redis commandstats', () => {
    const before = parseCommandStats(
      '# Commandstats\r\ncmdstat_get:calls=3,usec=10\r\ncmdstat_evalsha:calls=1,usec=5\r\n',
    );
    const after = parseCommandStats(
      'cmdstat_get:calls=3,usec=10\r\ncmdstat_evalsha:calls=9,usec=50\r\ncmdstat_lpush:calls=2,usec=1\r\n',
    );
    expect(counterDelta(before, after)).toEqual({ evalsha: 8, lpush: 2 });
    expect(sumCounters({ a: 1, b: 2 })).toBe(3);
  });
});
