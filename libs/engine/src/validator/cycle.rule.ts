import type { PipelineTree } from '../model/pipeline-tree';
import { TreeCycleError } from './errors/tree-cycle.error';

/**
 * Spec 05 §4: depth-first search over start, end, gateways, activities (map order) following flows
 * in map order; the first edge back onto the current path closes the reported cycle. Iterative, so
 * that long chains (thousands of nodes) cannot overflow the call stack.
 */
export function findCycle(tree: PipelineTree): string[] | undefined {
  const order = [
    tree.start_event.id,
    tree.end_event.id,
    ...Object.keys(tree.gateways),
    ...Object.keys(tree.activities),
  ];
  const edges = new Map<string, string[]>(order.map((id) => [id, []]));
  for (const flow of Object.values(tree.flows)) edges.get(flow.source)?.push(flow.target);

  const visited = new Set<string>();
  for (const root of order) {
    if (visited.has(root)) continue;
    const path: string[] = [root];
    const onPath = new Set<string>([root]);
    const cursors: number[] = [0];
    visited.add(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top] as string;
      const next = edges.get(node)?.[cursors[top] as number];
      if (next === undefined) {
        onPath.delete(node);
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[top] = (cursors[top] as number) + 1;
      if (onPath.has(next)) return [...path.slice(path.indexOf(next)), next];
      if (visited.has(next)) continue;
      visited.add(next);
      onPath.add(next);
      path.push(next);
      cursors.push(0);
    }
  }
  return undefined;
}

export function validateNoCycle(tree: PipelineTree): void {
  const cycle = findCycle(tree);
  if (cycle) throw new TreeCycleError(cycle);
}
