import type { ActivityNode, ExclusiveGatewayNode, Flow, GatewayNode, PipelineTree } from '../../model/pipeline-tree';

/**
 * Test support: builds a pipeline tree from a compact edge notation such as
 * `S>PG; PG>A,B; A>CG; B>CG; CG>E`. Node kinds come from the name: `S` start, `E` end, `PG…`
 * parallel, `CPG…` conditional parallel, `EG…` exclusive, `CG…` converge, anything else a
 * ServiceActivity, `SP…` a SubProcess whose pipeline is `options.subprocesses[name]` or, by default,
 * `S>A; A>E` with ids prefixed by `<name>_`. Names (after `prefix`) are used as ids; flows are
 * numbered in the order written. Not exported from the package.
 */
export interface TreeFromEdgesOptions {
  id?: string;
  /** Prefixed to every node and flow id, to keep nested levels' ids distinct. */
  prefix?: string;
  subprocesses?: Record<string, PipelineTree>;
}

export function treeFromEdges(notation: string, options: TreeFromEdgesOptions = {}): PipelineTree {
  const prefix = options.prefix ?? '';
  const edges = parseEdges(notation).map(([source, target]): [string, string] => [prefix + source, prefix + target]);
  const tree: PipelineTree = {
    id: options.id ?? 'p_root',
    start_event: { id: `${prefix}S`, type: 'EmptyStartEvent', name: null, incoming: '', outgoing: '' },
    end_event: { id: `${prefix}E`, type: 'EmptyEndEvent', name: null, incoming: [], outgoing: '' },
    activities: {},
    gateways: {},
    flows: {},
    data: { inputs: {}, outputs: [] },
  };
  const names = [...new Set(edges.flatMap(([source, target]) => [source, target]))];
  for (const name of names) addNode(tree, name, name.slice(prefix.length), options);
  edges.forEach(([source, target], index) => {
    const flow: Flow = { id: `${prefix}f${index + 1}`, source, target, is_default: false };
    tree.flows[flow.id] = flow;
    link(tree, source, 'outgoing', flow.id);
    link(tree, target, 'incoming', flow.id);
  });
  return tree;
}

function parseEdges(notation: string): [string, string][] {
  const edges: [string, string][] = [];
  for (const segment of notation.split(';')) {
    const [source, targets] = segment.split('>').map((part) => part.trim());
    if (!source || !targets) continue;
    for (const target of targets.split(',')) edges.push([source, target.trim()]);
  }
  return edges;
}

function addNode(tree: PipelineTree, name: string, kind: string, options: TreeFromEdgesOptions): void {
  if (name === tree.start_event.id || name === tree.end_event.id) return;
  if (kind.startsWith('SP')) {
    const pipeline = options.subprocesses?.[name] ?? treeFromEdges('S>A; A>E', { id: name, prefix: `${name}_` });
    tree.activities[name] = { id: name, type: 'SubProcess', name, incoming: [], outgoing: '', params: {}, pipeline };
    return;
  }
  const gatewayType = gatewayTypeOf(kind);
  if (gatewayType === 'ConvergeGateway') {
    tree.gateways[name] = { id: name, type: gatewayType, name, incoming: [], outgoing: '' };
  } else if (gatewayType === 'ParallelGateway') {
    tree.gateways[name] = { id: name, type: gatewayType, name, incoming: [], outgoing: [] };
  } else if (gatewayType) {
    tree.gateways[name] = { id: name, type: gatewayType, name, incoming: [], outgoing: [], conditions: {} };
  } else {
    tree.activities[name] = serviceActivity(name);
  }
}

function gatewayTypeOf(name: string): GatewayNode['type'] | undefined {
  if (name.startsWith('CPG')) return 'ConditionalParallelGateway';
  if (name.startsWith('PG')) return 'ParallelGateway';
  if (name.startsWith('EG')) return 'ExclusiveGateway';
  if (name.startsWith('CG')) return 'ConvergeGateway';
  return undefined;
}

function serviceActivity(id: string): ActivityNode {
  return {
    id,
    type: 'ServiceActivity',
    name: id,
    incoming: [],
    outgoing: '',
    component: { code: 'debug_node', inputs: {} },
    error_ignorable: false,
    skippable: true,
    retryable: true,
  };
}

function link(tree: PipelineTree, name: string, key: 'incoming' | 'outgoing', flowId: string): void {
  const node =
    name === tree.start_event.id
      ? tree.start_event
      : name === tree.end_event.id
        ? tree.end_event
        : (tree.activities[name] ?? tree.gateways[name]);
  if (!node) return;
  const current = node[key];
  if (Array.isArray(current)) {
    current.push(flowId);
    if (key === 'outgoing' && 'conditions' in node) {
      (node as ExclusiveGatewayNode).conditions[flowId] = { evaluate: 'True' };
    }
  } else {
    node[key] = flowId;
  }
}
