import type { PipelineTree } from '../model/pipeline-tree';
import { ConnectionValidateError } from './errors/connection-validate.error';
import { levelGraph, type GraphNode } from './level-graph';

const MAX_DEGREE = 1000;

interface DegreeRule {
  minIn: number;
  maxIn: number;
  minOut: number;
  maxOut: number;
}

const SOURCE: DegreeRule = { minIn: 0, maxIn: 0, minOut: 1, maxOut: 1 };
const SINK: DegreeRule = { minIn: 1, maxIn: MAX_DEGREE, minOut: 0, maxOut: 0 };
const SINGLE_OUT: DegreeRule = { minIn: 1, maxIn: MAX_DEGREE, minOut: 1, maxOut: 1 };
const EMIT: DegreeRule = { minIn: 1, maxIn: MAX_DEGREE, minOut: 1, maxOut: MAX_DEGREE };

// The end slot of a level always holds a sink: EmptyEndEvent or a registered executable end event
// (the schema step already rejected unregistered types when sink types are known).
function ruleOf(node: GraphNode): DegreeRule {
  if (node.role === 'start') return SOURCE;
  if (node.role === 'end') return SINK;
  const diverging = node.type !== 'ConvergeGateway' && node.role === 'gateway';
  return diverging ? EMIT : SINGLE_OUT;
}

function successorAllowed(from: GraphNode, to: GraphNode): boolean {
  if (to.role === 'start') return false;
  return !(from.role === 'start' && to.role === 'end');
}

/** Spec 05 §3: checks every node's degrees and successor types; reports all failures at once. */
export function validateConnections(tree: PipelineTree): void {
  const nodes = levelGraph(tree);
  const failedNodes: string[] = [];
  const detail: Record<string, string> = {};
  for (const node of nodes.values()) {
    const problems = nodeProblems(node, nodes);
    if (problems.length === 0) continue;
    failedNodes.push(node.id);
    detail[node.id] = problems.join('\n');
  }
  if (failedNodes.length > 0) throw new ConnectionValidateError(failedNodes, detail);
}

function nodeProblems(node: GraphNode, nodes: Map<string, GraphNode>): string[] {
  const rule = ruleOf(node);
  const problems: string[] = [];
  for (const targetId of node.targets) {
    const target = nodes.get(targetId);
    if (target && !successorAllowed(node, target)) problems.push(`cannot connect to a node of type ${target.type}`);
  }
  if (node.incoming.length < rule.minIn || node.incoming.length > rule.maxIn) {
    problems.push(`in-degree must be between ${rule.minIn} and ${rule.maxIn}`);
  }
  if (node.outgoing.length < rule.minOut || node.outgoing.length > rule.maxOut) {
    problems.push(`out-degree must be between ${rule.minOut} and ${rule.maxOut}`);
  }
  return problems;
}
