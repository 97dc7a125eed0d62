import { toFlowIdList } from '../flow-id-list';
import type { Flow } from '../pipeline-tree';
import { at, expectId, expectKeyedId, expectObject, fail, field, optionalBoolean } from './schema-checks';

/** One entry of `flows` (spec 02 §5). */
export function checkFlow(key: string, value: unknown, path: string): void {
  const flow = expectObject(value, path);
  expectKeyedId(flow, key, path);
  expectId(field(flow, 'source', path), at(path, 'source'));
  expectId(field(flow, 'target', path), at(path, 'target'));
  optionalBoolean(flow, 'is_default', path);
}

/** A node of one level as the consistency check sees it. */
export interface LevelNode {
  id: string;
  path: string;
  incoming: unknown;
  outgoing: unknown;
  diverging: boolean;
}

/**
 * Spec 05 §2 rules 4 and 9: flows and node references agree, flows stay inside their level, and no
 * diverging gateway sends two branches to the same node (a fork keyed by target would lose one).
 */
export function checkFlowConsistency(nodes: LevelNode[], flows: Record<string, Flow>, flowsPath: string): void {
  const nodeIds = new Set(nodes.map((node) => node.id));
  for (const [flowId, flow] of Object.entries(flows)) {
    const flowPath = at(flowsPath, flowId);
    if (!nodeIds.has(flow.source)) fail(at(flowPath, 'source'), `"${flow.source}" is no node of this pipeline level`);
    if (!nodeIds.has(flow.target)) fail(at(flowPath, 'target'), `"${flow.target}" is no node of this pipeline level`);
  }
  const outgoingRefs = new Map<string, number>();
  const incomingRefs = new Map<string, number>();
  for (const node of nodes) {
    checkRefs(node, 'outgoing', flows, outgoingRefs);
    checkRefs(node, 'incoming', flows, incomingRefs);
    if (node.diverging) checkDistinctTargets(node, flows);
  }
  for (const flowId of Object.keys(flows)) {
    const outs = outgoingRefs.get(flowId) ?? 0;
    const ins = incomingRefs.get(flowId) ?? 0;
    if (outs !== 1) fail(at(flowsPath, flowId), `flow is listed ${outs} times in an outgoing list, expected once`);
    if (ins !== 1) fail(at(flowsPath, flowId), `flow is listed ${ins} times in an incoming list, expected once`);
  }
}

function checkRefs(
  node: LevelNode,
  key: 'incoming' | 'outgoing',
  flows: Record<string, Flow>,
  counts: Map<string, number>,
): void {
  const raw = node[key];
  const ids = toFlowIdList(raw);
  const end = key === 'outgoing' ? 'source' : 'target';
  ids.forEach((flowId, index) => {
    const refPath = Array.isArray(raw) ? at(at(node.path, key), index) : at(node.path, key);
    const flow = Object.prototype.hasOwnProperty.call(flows, flowId) ? flows[flowId] : undefined;
    if (!flow) fail(refPath, `flow "${flowId}" does not exist in flows of this pipeline level`);
    if (flow[end] !== node.id) fail(refPath, `flow "${flowId}" has ${end} "${flow[end]}", not this node`);
    counts.set(flowId, (counts.get(flowId) ?? 0) + 1);
  });
}

function checkDistinctTargets(node: LevelNode, flows: Record<string, Flow>): void {
  const byTarget = new Map<string, string>();
  for (const flowId of toFlowIdList(node.outgoing)) {
    const target = flows[flowId]?.target ?? '';
    const previous = byTarget.get(target);
    if (previous !== undefined) {
      fail(at(node.path, 'outgoing'), `flows "${previous}" and "${flowId}" both lead to node "${target}"`);
    }
    byTarget.set(target, flowId);
  }
}
