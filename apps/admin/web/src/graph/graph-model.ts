import type { GatewayNode, PipelineTree, ServiceActivityNode, SubProcessNode, TreeEvent } from '../api/types';

export type NodeKind = 'start' | 'end' | 'task' | 'subprocess' | 'gateway';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** Tree `type` (ServiceActivity, ExclusiveGateway, EmptyEndEvent…). */
  type: string;
  label: string;
  /** component `code@version` for activities, shown under the label. */
  detail: string | null;
  width: number;
  height: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Branch condition (name, else expression) or "default"; null for plain flows. */
  label: string | null;
}

export interface GraphModel {
  id: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type TreeElement = TreeEvent | ServiceActivityNode | SubProcessNode | GatewayNode;

const SIZE: Record<NodeKind, [number, number]> = {
  start: [40, 40],
  end: [40, 40],
  task: [190, 58],
  subprocess: [190, 58],
  gateway: [48, 48],
};

const LABEL_MAX = 40;

function shorten(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

function kindOf(element: TreeElement, tree: PipelineTree): NodeKind {
  if (element.id === tree.start_event.id) return 'start';
  if (element.id === tree.end_event.id) return 'end';
  if (element.type === 'ServiceActivity') return 'task';
  if (element.type === 'SubProcess') return 'subprocess';
  return 'gateway';
}

function detailOf(element: TreeElement): string | null {
  if (element.type !== 'ServiceActivity') return null;
  const { component } = element as ServiceActivityNode;
  return `${component.code}@${component.version ?? 'legacy'}`;
}

export function treeElements(tree: PipelineTree): TreeElement[] {
  return [tree.start_event, ...Object.values(tree.activities), ...Object.values(tree.gateways), tree.end_event];
}

/** Finds a node of this tree level by id (the graph shows one level; subprocesses open separately). */
export function findElement(tree: PipelineTree, id: string): TreeElement | undefined {
  if (tree.start_event.id === id) return tree.start_event;
  if (tree.end_event.id === id) return tree.end_event;
  return tree.activities[id] ?? tree.gateways[id];
}

function edgeLabel(tree: PipelineTree, sourceId: string, flowId: string): string | null {
  const gateway = tree.gateways[sourceId];
  if (!gateway) return null;
  const condition = gateway.conditions?.[flowId];
  const isDefault = gateway.default_condition?.flow_id === flowId;
  if (condition) return shorten(condition.name || condition.evaluate) + (isDefault ? ' (default)' : '');
  if (isDefault)
    return gateway.default_condition?.name ? `${shorten(gateway.default_condition.name)} (default)` : 'default';
  return null;
}

/** One level of a pipeline tree as a graph; pure, so it is unit-tested and runs in the layout worker. */
export function buildGraphModel(tree: PipelineTree): GraphModel {
  const nodes = treeElements(tree).map((element): GraphNode => {
    const kind = kindOf(element, tree);
    const [width, height] = SIZE[kind];
    const label = element.name ? String(element.name) : kind === 'task' || kind === 'subprocess' ? element.id : '';
    return { id: element.id, kind, type: element.type, label, detail: detailOf(element), width, height };
  });
  const edges = Object.values(tree.flows).map((flow): GraphEdge => ({
    id: flow.id,
    source: flow.source,
    target: flow.target,
    label: edgeLabel(tree, flow.source, flow.id),
  }));
  return { id: tree.id, nodes, edges };
}

/** Every ServiceActivity/SubProcess/gateway id in the tree, all depths (for progress counts). */
export function countNodes(tree: PipelineTree): number {
  let count = Object.keys(tree.gateways).length + 2;
  for (const activity of Object.values(tree.activities)) {
    count += 1;
    if (activity.type === 'SubProcess') count += countNodes(activity.pipeline);
  }
  return count;
}

/** The subprocess tree at a path of SubProcess ids, or undefined when the path no longer matches. */
export function subTreeAt(tree: PipelineTree, path: readonly string[]): PipelineTree | undefined {
  let current: PipelineTree | undefined = tree;
  for (const id of path) {
    const activity: ServiceActivityNode | SubProcessNode | undefined = current?.activities[id];
    current = activity?.type === 'SubProcess' ? activity.pipeline : undefined;
  }
  return current;
}
