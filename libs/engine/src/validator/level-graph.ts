import { toFlowIdList } from '../model/flow-id-list';
import type { PipelineTree } from '../model/pipeline-tree';

export type NodeRole = 'start' | 'end' | 'activity' | 'gateway';

/** One node of a single pipeline level with its flows resolved to neighbour ids, in flow order. */
export interface GraphNode {
  id: string;
  type: string;
  role: NodeRole;
  incoming: string[];
  outgoing: string[];
  sources: string[];
  targets: string[];
}

/**
 * The nodes of one level keyed by id, in bamboo-engine's `get_nodes_dict` order: start, end,
 * activities, gateways (map order). Assumes a tree that passed the schema step.
 */
export function levelGraph(tree: PipelineTree): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  const add = (node: { id: string; type: string; incoming: unknown; outgoing: unknown }, role: NodeRole): void => {
    const incoming = toFlowIdList(node.incoming);
    const outgoing = toFlowIdList(node.outgoing);
    nodes.set(node.id, {
      id: node.id,
      type: node.type,
      role,
      incoming,
      outgoing,
      sources: incoming.map((flowId) => tree.flows[flowId]?.source ?? ''),
      targets: outgoing.map((flowId) => tree.flows[flowId]?.target ?? ''),
    });
  };
  add(tree.start_event, 'start');
  add(tree.end_event, 'end');
  for (const node of Object.values(tree.activities)) add(node, 'activity');
  for (const node of Object.values(tree.gateways)) add(node, 'gateway');
  return nodes;
}
