import type { GraphNode } from './tree-graph';
import { type StateEntry, timeOf } from './states';

export interface NodeTimings {
  /** RUNNING→FINISHED of each finished ServiceActivity, ms. */
  activityMs: number[];
  /** From the last predecessor FINISHED to this node RUNNING, for every node reached by a flow, ms. */
  handoffMs: number[];
  /** Nodes that have a state (executed at least once), the root pipelines excluded. */
  executedNodes: number;
  /** Schedule calls implied by the executed activities' components. */
  scheduleSteps: number;
  /** Latest archived_time over the root pipelines, epoch ms. */
  lastFinishedAt?: number;
  /** Earliest started_time over the root pipelines, epoch ms. */
  firstStartedAt?: number;
}

/** Derives per-node latencies from the stored timestamps of finished runs. */
export function nodeTimings(
  graph: ReadonlyMap<string, GraphNode>,
  entries: ReadonlyMap<string, StateEntry>,
  rootIds: readonly string[],
  schedulesPerComponent: Readonly<Record<string, number>>,
): NodeTimings {
  const timings: NodeTimings = { activityMs: [], handoffMs: [], executedNodes: 0, scheduleSteps: 0 };
  for (const node of graph.values()) {
    const entry = entries.get(node.id);
    if (!entry) continue;
    timings.executedNodes++;
    const started = timeOf(entry.started_time);
    const archived = timeOf(entry.archived_time);
    if (node.type === 'ServiceActivity') {
      timings.scheduleSteps += schedulesPerComponent[node.code ?? ''] ?? 0;
      if (started !== undefined && archived !== undefined) timings.activityMs.push(archived - started);
    }
    const before = node.sources
      .map((id) => timeOf(entries.get(id)?.archived_time))
      .filter((t): t is number => t !== undefined);
    if (started !== undefined && before.length > 0) timings.handoffMs.push(started - Math.max(...before));
  }
  for (const id of rootIds) {
    const root = entries.get(id);
    const archived = timeOf(root?.archived_time);
    const started = timeOf(root?.started_time);
    if (archived !== undefined) timings.lastFinishedAt = Math.max(timings.lastFinishedAt ?? archived, archived);
    if (started !== undefined) timings.firstStartedAt = Math.min(timings.firstStartedAt ?? started, started);
  }
  return timings;
}
