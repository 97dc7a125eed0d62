import type { PipelineTree } from '../model/pipeline-tree';
import { IsolateNodeError } from './errors/isolate-node.error';
import { StreamValidateError } from './errors/stream-validate.error';
import { isParallelType } from './gateway-preparation';
import { levelGraph, type GraphNode } from './level-graph';

const MAIN_STREAM = 'main';

interface StreamNode extends GraphNode {
  streams: Set<string>;
  convergeId?: string;
}

/**
 * Spec 05 §6: every node must belong to exactly one stream; a parallel-type gateway splits the
 * current stream into one per branch and its converge gateway (known after matching) closes them.
 * Catches branches that leave their block: to the end event, into another branch.
 */
export function validateStreams(tree: PipelineTree): void {
  const nodes = new Map<string, StreamNode>();
  for (const node of levelGraph(tree).values()) {
    const gateway = tree.gateways[node.id];
    const convergeId = gateway && 'converge_gateway_id' in gateway ? gateway.converge_gateway_id : undefined;
    nodes.set(node.id, {
      ...node,
      streams: new Set(),
      convergeId: typeof convergeId === 'string' ? convergeId : undefined,
    });
  }
  streamNode(nodes, tree.start_event.id).streams.add(MAIN_STREAM);
  streamNode(nodes, tree.end_event.id).streams.add(MAIN_STREAM);

  const allowedAtConverge = new Map<string, Set<string>>();
  for (const node of nodes.values()) {
    if (isParallelType(node.type) && node.convergeId !== undefined) {
      allowedAtConverge.set(node.convergeId, new Set(node.targets.map((_, i) => branchStream(node, i))));
    }
  }

  const visited = new Set<string>();
  const queue: string[] = [tree.start_event.id];
  for (let head = 0; head < queue.length; head++) {
    const node = streamNode(nodes, queue[head] as string);
    if (!visited.has(node.id)) {
      visited.add(node.id);
      queue.push(...node.targets);
    }
    flow(node, nodes, allowedAtConverge);
  }

  for (const node of nodes.values()) {
    if (node.streams.size === 0) throw new IsolateNodeError(node.id);
    if (node.streams.size > 1) throw new StreamValidateError(node.id);
  }
}

function flow(from: StreamNode, nodes: Map<string, StreamNode>, allowedAtConverge: Map<string, Set<string>>): void {
  const parallel = isParallelType(from.type);
  if (parallel && from.convergeId !== undefined) {
    const converge = streamNode(nodes, from.convergeId);
    give(from, converge);
    if (converge.streams.size > 1) throw new StreamValidateError(converge.id);
  }
  from.targets.forEach((targetId, i) => {
    const target = streamNode(nodes, targetId);
    const allowed = allowedAtConverge.get(targetId);
    // A branch arriving at the converge gateway that closes it does not carry its stream further.
    const closing = allowed !== undefined && (isSubset(from.streams, allowed) || from.convergeId === targetId);
    if (!closing) give(from, target, parallel ? branchStream(from, i) : undefined);
    if (target.streams.size !== 1) throw new StreamValidateError(targetId);
  });
}

function give(from: StreamNode, to: StreamNode, stream?: string): void {
  if (stream !== undefined) {
    to.streams.add(stream);
    return;
  }
  // bamboo-engine raises a non-existent exception class here; the node has no stream to pass on.
  if (from.streams.size === 0) throw new StreamValidateError(from.id);
  for (const item of from.streams) to.streams.add(item);
}

function branchStream(node: GraphNode, index: number): string {
  return `${node.id}_${index}`;
}

function isSubset(items: Set<string>, of: Set<string>): boolean {
  for (const item of items) if (!of.has(item)) return false;
  return true;
}

function streamNode(nodes: Map<string, StreamNode>, id: string): StreamNode {
  const node = nodes.get(id);
  if (!node) throw new StreamValidateError(id);
  return node;
}
