import { cloneJson } from '../model/clone-json';
import type { PipelineTree } from '../model/pipeline-tree';
import { StartPositionInvalidError } from './errors/start-position-invalid.error';
import { isParallelType } from './gateway-preparation';
import { matchGateways } from './gateway-matching.rule';
import { levelGraph } from './level-graph';
import { normaliseIncoming } from './normalise-incoming';

const INCLUDED = new Set([
  'EmptyStartEvent',
  'ServiceActivity',
  'ExclusiveGateway',
  'ParallelGateway',
  'ConditionalParallelGateway',
]);
const PASS_THROUGH = new Set([
  'EmptyStartEvent',
  'ServiceActivity',
  'ExclusiveGateway',
  'ConvergeGateway',
  'SubProcess',
]);

/**
 * Spec 05 §7: the root-level nodes a run may start at (the "main line"): the start event, activities
 * and diverging gateways outside parallel blocks, in walking order. Accepts a validated tree or a
 * schema-valid raw one (its gateways are then matched on a copy).
 */
export function allowedStartNodeIds(tree: PipelineTree): string[] {
  const matched = withConvergeIds(tree);
  const nodes = levelGraph(matched);
  const allowed: string[] = [];
  const visited = new Set<string>();
  // Depth-first like bamboo-engine's recursion, with a visited set so that loops terminate.
  const pending: string[] = [matched.start_event.id];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    const node = nodes.get(id);
    if (!node || visited.has(id)) continue;
    visited.add(id);
    if (INCLUDED.has(node.type)) allowed.push(id);
    let next: string[] = [];
    if (PASS_THROUGH.has(node.type)) next = node.targets;
    else if (isParallelType(node.type)) next = convergeOf(matched, id);
    pending.push(...[...next].reverse());
  }
  return allowed;
}

/** Throws `StartPositionInvalidError` unless `startNodeId` is the start event or on the main line. */
export function validateStartPosition(tree: PipelineTree, startNodeId: string): void {
  if (startNodeId === tree.start_event.id) return;
  if (!allowedStartNodeIds(tree).includes(startNodeId)) throw new StartPositionInvalidError(startNodeId);
}

/**
 * Nodes that will not run when a run starts at `startNodeId` (bamboo-engine's
 * `get_skipped_execute_node_ids`): everything walked from the start event before reaching it; at an
 * exclusive gateway whose branches lead to it, only those branches count.
 */
export function skippedExecuteNodeIds(tree: PipelineTree, startNodeId: string): string[] {
  validateStartPosition(tree, startNodeId);
  if (startNodeId === tree.start_event.id) return [];
  const nodes = levelGraph(tree);
  const memo = new Map<string, { ids: Set<string>; reaches: boolean }>();
  const walk = (id: string): { ids: Set<string>; reaches: boolean } => {
    if (id === startNodeId) return { ids: new Set(), reaches: true };
    const known = memo.get(id);
    if (known) return known;
    const result = { ids: new Set([id]), reaches: false };
    memo.set(id, result);
    const node = nodes.get(id);
    const branches = (node?.targets ?? []).map(walk);
    const reaching = branches.filter((branch) => branch.reaches);
    const kept = node?.type === 'ExclusiveGateway' && reaching.length > 0 ? reaching : branches;
    for (const branch of kept) for (const item of branch.ids) result.ids.add(item);
    result.reaches = reaching.length > 0;
    return result;
  };
  return [...walk(tree.start_event.id).ids];
}

function convergeOf(tree: PipelineTree, gatewayId: string): string[] {
  const gateway = tree.gateways[gatewayId];
  const converge = gateway && 'converge_gateway_id' in gateway ? gateway.converge_gateway_id : undefined;
  return typeof converge === 'string' ? [converge] : [];
}

function withConvergeIds(tree: PipelineTree): PipelineTree {
  const missing = Object.values(tree.gateways).some(
    (gateway) => isParallelType(gateway.type) && typeof gateway.converge_gateway_id !== 'string',
  );
  if (!missing) return tree;
  const copy = cloneJson(tree);
  normaliseIncoming(copy);
  matchGateways(copy);
  return copy;
}
