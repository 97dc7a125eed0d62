import { toFlowIdList } from '../model/flow-id-list';
import { PARALLEL_GATEWAY_TYPES, type PipelineTree } from '../model/pipeline-tree';
import { ConvergeMatchError } from './errors/converge-match.error';

/** What gateway matching knows about one gateway (spec 05 §5.2). */
export interface GatewayInfo {
  id: string;
  type: string;
  incoming: string[];
  /**
   * First non-activity node reached through each outgoing flow. For diverging gateways matching
   * rewrites this list in place, as bamboo-engine does: a dangling exclusive gateway visited again
   * from another gateway then sees its already-resolved targets, which its pairings depend on.
   */
  targets: (string | null)[];
}

export interface GatewayPreparation {
  /** Every gateway of the level, converge gateways included, in map order. */
  all: Map<string, GatewayInfo>;
  dist: Map<string, number>;
  /** Forward incoming branches of each converge gateway (`posIn`). */
  positiveIn: Map<string, number>;
  /** Diverging gateways by ascending distance, ties in map order. */
  order: string[];
}

const PARALLEL: readonly string[] = PARALLEL_GATEWAY_TYPES;

export function isParallelType(type: string): boolean {
  return PARALLEL.includes(type);
}

export function prepareGateways(tree: PipelineTree): GatewayPreparation {
  const all = new Map<string, GatewayInfo>();
  const dist = new Map<string, number>();
  for (const gateway of Object.values(tree.gateways)) {
    const info: GatewayInfo = {
      id: gateway.id,
      type: gateway.type,
      incoming: toFlowIdList(gateway.incoming),
      targets: toFlowIdList(gateway.outgoing).map((flowId) => firstNonActivity(tree, flowId)),
    };
    const distance = distanceFromStart(tree, gateway.id, dist, new Set());
    if (!distance) throw new ConvergeMatchError(gateway.id, 'E0');
    all.set(gateway.id, info);
  }
  const positiveIn = new Map<string, number>();
  for (const info of all.values()) {
    for (const target of info.targets) {
      if (target === null || all.get(target)?.type !== 'ConvergeGateway') continue;
      if ((dist.get(target) ?? 0) > (dist.get(info.id) ?? 0)) positiveIn.set(target, (positiveIn.get(target) ?? 0) + 1);
    }
  }
  const order = [...all.values()]
    .filter((info) => info.type !== 'ConvergeGateway')
    .map((info) => info.id)
    .sort((a, b) => (dist.get(a) ?? 0) - (dist.get(b) ?? 0));
  return { all, dist, positiveIn, order };
}

// Activities have one outgoing flow, so they never split or join a block: skip through them. A
// cycle made of activities only is cut where it repeats (the activity then fails classification).
function firstNonActivity(tree: PipelineTree, flowId: string): string {
  let current = tree.flows[flowId]?.target ?? '';
  const seen = new Set<string>();
  for (let node = tree.activities[current]; node && !seen.has(current); node = tree.activities[current]) {
    seen.add(current);
    current = tree.flows[node.outgoing]?.target ?? '';
  }
  return current;
}

/**
 * Longest path length from the start event, ignoring cycles (spec 05 §5.2). `marked` memoises across
 * calls; `visited` is per top-level call. Results depend on the visiting order, exactly as in
 * bamboo-engine, which is what makes our pairings agree with its pairings.
 */
function distanceFromStart(tree: PipelineTree, nodeId: string, marked: Map<string, number>, visited: Set<string>) {
  const memo = marked.get(nodeId);
  if (memo !== undefined) return memo;
  if (nodeId === tree.start_event.id) return 0;
  if (visited.has(nodeId)) return undefined;
  visited.add(nodeId);
  const node =
    tree.activities[nodeId] ?? tree.gateways[nodeId] ?? (tree.end_event.id === nodeId ? tree.end_event : undefined);
  let best: number | undefined;
  for (const flowId of toFlowIdList(node?.incoming)) {
    const source = tree.flows[flowId]?.source;
    const distance = source === undefined ? undefined : distanceFromStart(tree, source, marked, visited);
    if (distance !== undefined) best = Math.max(best ?? 0, distance + 1);
  }
  if (best !== undefined) marked.set(nodeId, best);
  return best;
}
