import { type PipelineTree, regenerateIds } from '@bamboo/engine';
import { parallelTree, sequenceTree } from './built-trees';
import { loadFixtureTree } from './fixture-trees';
import { BENCH_POLL_INTERVAL_SECONDS, BENCH_POLL_TIMES } from '../components/poll-node.component';

export const WORKLOAD_NAMES = ['multi', 'big', 'long', 'poll', 'callbacks'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** Schedule calls one activity of each bench component costs (each call is one queue step). */
export const SCHEDULES_PER_COMPONENT: Readonly<Record<string, number>> = {
  debug_node: 1,
  bench_poll: 3,
  bamboo_wait_callback: 1,
};

export interface Workload {
  name: WorkloadName;
  description: string;
  /** Trees with fresh ids, one per pipeline to submit. */
  pipelines: PipelineTree[];
  /** Deliver one callback to every waiting activity once all of them wait. */
  callbacks: boolean;
  /** Ideal wall time when only the component's own waiting counts (poll), seconds. */
  idealSeconds?: number;
  /** Give up (and fail) after this long without every pipeline FINISHED. */
  timeoutMs: number;
}

export interface WorkloadOptions {
  fixturesDir?: string;
  /** Scales copy and node counts down for quick checks (1 = as specified). */
  scale?: number;
}

function copies(template: PipelineTree, count: number): PipelineTree[] {
  return Array.from({ length: count }, () => regenerateIds(template).tree);
}

function scaled(count: number, scale: number): number {
  return Math.max(1, Math.round(count * scale));
}

export function buildWorkload(name: WorkloadName, options: WorkloadOptions = {}): Workload {
  const scale = options.scale ?? 1;
  switch (name) {
    case 'multi':
      return {
        name,
        description: '100 copies of bench_normal_17 started at once',
        pipelines: copies(loadFixtureTree('bench_normal_17', options.fixturesDir), scaled(100, scale)),
        callbacks: false,
        timeoutMs: 300_000,
      };
    case 'big': {
      // The fixture is 100 branches of 10; a scaled run builds the same shape with fewer branches.
      const template =
        scale === 1
          ? loadFixtureTree('bench_parallel_100x10', options.fixturesDir)
          : parallelTree('debug_node', scaled(100, scale), 10);
      return {
        name,
        description: 'one bench_parallel_100x10 (1,000 activities)',
        pipelines: copies(template, 1),
        callbacks: false,
        timeoutMs: 300_000,
      };
    }
    case 'long':
      return {
        name,
        description: 'one pipeline of 1,000 sequential debug_node activities',
        pipelines: [sequenceTree('debug_node', scaled(1000, scale))],
        callbacks: false,
        timeoutMs: 600_000,
      };
    case 'poll':
      return {
        name,
        description: '100 pipelines of 5 sequential activities polling 3 times at 1 s',
        pipelines: Array.from({ length: scaled(100, scale) }, () => sequenceTree('bench_poll', 5)),
        callbacks: false,
        // Spec 03 §4.3: the first poll is not delayed, so 3 polls at 1 s wait 2 s per activity.
        idealSeconds: 5 * (BENCH_POLL_TIMES - 1) * BENCH_POLL_INTERVAL_SECONDS,
        timeoutMs: 300_000,
      };
    case 'callbacks':
      return {
        name,
        description: '1,000 bamboo_wait_callback nodes (10 pipelines x 100 branches), one callback each',
        pipelines: Array.from({ length: scaled(10, scale) }, () => parallelTree('bamboo_wait_callback', 100, 1)),
        callbacks: true,
        timeoutMs: 300_000,
      };
  }
}

export function isWorkloadName(value: string): value is WorkloadName {
  return (WORKLOAD_NAMES as readonly string[]).includes(value);
}
