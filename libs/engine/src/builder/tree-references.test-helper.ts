import { type PipelineTree } from '../model';

// Test support for the regeneration specs: checks a tree's cross-references independently of the
// code under test. Not exported from the package.

type AnyNode = { id: string; type: string; incoming: string | string[]; outgoing: string | string[] } & Record<
  string,
  unknown
>;

const asList = (refs: string | string[]): string[] => (typeof refs === 'string' ? (refs ? [refs] : []) : refs);

/** Every node id of every level. */
export function allNodeIds(tree: PipelineTree): string[] {
  return [
    tree.start_event.id,
    tree.end_event.id,
    ...Object.keys(tree.gateways),
    ...Object.values(tree.activities).flatMap((node) =>
      node.type === 'SubProcess' ? [node.id, ...allNodeIds(node.pipeline)] : [node.id],
    ),
  ];
}

/** Lists every broken cross-reference of the tree (spec 02 §1, §4, §5, §7). */
export function brokenReferences(tree: PipelineTree, nodeIds = new Set(allNodeIds(tree))): string[] {
  const problems: string[] = [];
  const nodes = new Map<string, AnyNode>();
  for (const node of [tree.start_event, tree.end_event] as AnyNode[]) nodes.set(node.id, node);
  for (const [key, node] of [...Object.entries(tree.activities), ...Object.entries(tree.gateways)]) {
    if (key !== node.id) problems.push(`map key ${key} != id ${node.id}`);
    nodes.set(node.id, node);
  }
  for (const [key, flow] of Object.entries(tree.flows)) {
    if (key !== flow.id) problems.push(`flow key ${key} != id ${flow.id}`);
    if (!asList(nodes.get(flow.source)?.outgoing ?? []).includes(flow.id)) problems.push(`${flow.id} source`);
    if (!asList(nodes.get(flow.target)?.incoming ?? []).includes(flow.id)) problems.push(`${flow.id} target`);
  }
  for (const node of nodes.values()) {
    for (const flowId of asList(node.incoming)) {
      if (tree.flows[flowId]?.target !== node.id) problems.push(`${node.id} incoming ${flowId}`);
    }
    for (const flowId of asList(node.outgoing)) {
      if (tree.flows[flowId]?.source !== node.id) problems.push(`${node.id} outgoing ${flowId}`);
    }
  }
  for (const gateway of Object.values(tree.gateways)) {
    const outgoing = asList(gateway.outgoing);
    if (gateway.converge_gateway_id !== undefined && !tree.gateways[gateway.converge_gateway_id as string]) {
      problems.push(`${gateway.id} converge_gateway_id`);
    }
    if (gateway.type !== 'ExclusiveGateway' && gateway.type !== 'ConditionalParallelGateway') continue;
    for (const flowId of Object.keys(gateway.conditions)) {
      if (!outgoing.includes(flowId)) problems.push(`${gateway.id} condition ${flowId}`);
    }
    const defaultFlow = gateway.default_condition?.flow_id;
    if (defaultFlow !== undefined && !outgoing.includes(defaultFlow)) problems.push(`${gateway.id} default`);
  }
  for (const variable of Object.values(tree.data.inputs)) {
    const sources = typeof variable.source_act === 'string' ? [variable.source_act] : (variable.source_act ?? []);
    for (const source of sources) {
      const id = typeof source === 'string' ? source : source.source_act;
      if (!nodeIds.has(id)) problems.push(`source_act ${id}`);
    }
  }
  for (const node of Object.values(tree.activities)) {
    if (node.type !== 'SubProcess') continue;
    if (node.pipeline.id !== node.id) problems.push(`${node.id} nested pipeline id ${node.pipeline.id}`);
    problems.push(...brokenReferences(node.pipeline, nodeIds));
  }
  return problems;
}

/** Every id the regeneration must replace: the pipeline, then nodes and flows at every level. */
export function allIds(tree: PipelineTree): string[] {
  const level = (t: PipelineTree): string[] => [
    t.start_event.id,
    t.end_event.id,
    ...Object.keys(t.gateways),
    ...Object.keys(t.flows),
    // A nested pipeline's id is its SubProcess id, counted once.
    ...Object.values(t.activities).flatMap((a) => (a.type === 'SubProcess' ? [a.id, ...level(a.pipeline)] : [a.id])),
  ];
  return [tree.id, ...level(tree)];
}

/** Builder-format ids found anywhere in a JSON text. */
export const idsIn = (json: string): Set<string> => new Set(json.match(/[pef][0-9a-f]{32}/g) ?? []);
