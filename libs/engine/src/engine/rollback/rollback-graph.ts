import type { NodeDefinition } from '../../runtime/node-definition';
import type { RollbackGraphRecord } from '../../runtime/rollback-records';

/** Markers that frame a rollback graph (bamboo-engine's `START_FLAG` / `END_FLAG`). */
export const ROLLBACK_START = 'START';
export const ROLLBACK_END = 'END';

export interface BuiltRollbackGraph {
  /** Reversed: START → start node → … → target → END. */
  graph: RollbackGraphRecord;
  /** Gateways, events and subprocesses on the path: cleaned up, never rolled back. */
  otherNodes: string[];
}

/**
 * The rollback graph of spec 09 §8 step 3, as bamboo-engine builds it: from the target forward over
 * the executed (FINISHED/FAILED) nodes only, cycles cut, ServiceActivities linked in execution
 * order up to the start node, then reversed. `executed` holds the definitions of executed nodes.
 */
export function buildRollbackGraph(
  executed: Record<string, NodeDefinition>,
  startId: string,
  targetId: string,
): BuiltRollbackGraph {
  const targets = executedTargets(executed, targetId);
  const nodes = new Set<string>([startId, targetId, ROLLBACK_END, ROLLBACK_START]);
  const edges: Array<[string, string]> = [
    [ROLLBACK_END, targetId],
    [startId, ROLLBACK_START],
  ];
  const others: string[] = [];
  const build = (id: string, source: string | undefined): string | undefined => {
    const node = executed[id];
    if (!node) return undefined;
    if (node.type !== 'ServiceActivity') others.push(id);
    let from = source;
    if (node.type === 'ServiceActivity') {
      nodes.add(id);
      if (from && from !== id) edges.push([from, id]);
      if (id === startId) return undefined;
      from = id;
    } else if (node.type === 'SubProcess') {
      from = build(node.startEventId, from);
    }
    let last = from;
    for (const target of targets.get(id) ?? []) last = build(target, from);
    return last;
  };
  build(targetId, targetId);
  return {
    graph: { nodes: [...nodes], flows: edges.map(([source, target]) => [target, source]) },
    otherNodes: [...new Set(others)],
  };
}

/**
 * The graph's nodes in one topological order from START, markers excluded. Walking it one node at
 * a time satisfies "a node runs when all its predecessors were visited" without concurrent visit
 * counters (ADR 0003, rollback addendum). Nodes unreachable from START are left out.
 */
export function rollbackOrder(graph: RollbackGraphRecord): string[] {
  const incoming = new Map<string, number>(graph.nodes.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>();
  for (const [source, target] of graph.flows) {
    incoming.set(target, (incoming.get(target) ?? 0) + 1);
    outgoing.set(source, [...(outgoing.get(source) ?? []), target]);
  }
  const order: string[] = [];
  const ready = [ROLLBACK_START];
  while (ready.length > 0) {
    const id = ready.shift()!;
    if (id !== ROLLBACK_START && id !== ROLLBACK_END) order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const left = (incoming.get(next) ?? 1) - 1;
      incoming.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return order;
}

/** Successors among executed nodes, minus the edges that close a cycle (depth-first from the target). */
function executedTargets(executed: Record<string, NodeDefinition>, targetId: string): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  const onPath = new Set<string>();
  const visit = (id: string) => {
    onPath.add(id);
    const kept: string[] = [];
    targets.set(id, kept);
    for (const { targetId: next } of executed[id]?.targets ?? []) {
      if (!executed[next] || onPath.has(next)) continue;
      kept.push(next);
      if (!targets.has(next)) visit(next);
    }
    onPath.delete(id);
  };
  visit(targetId);
  for (const id of Object.keys(executed)) if (!targets.has(id)) visit(id);
  return targets;
}
