import dagre from '@dagrejs/dagre';
import type { GraphModel } from './graph-model';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  /** Top-left corner of each node (React Flow's convention). */
  positions: Record<string, Point>;
  width: number;
  height: number;
  ms: number;
}

/** Layered left-to-right layout (dagre). Pure and synchronous: called in the layout worker. */
export function layoutGraph(model: GraphModel): LayoutResult {
  const started = performance.now();
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 56, edgesep: 12, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of model.nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of model.edges) {
    // Labelled edges get room so branch conditions do not overlap nodes.
    const label = edge.label ? { width: Math.min(edge.label.length * 6.5, 260), height: 16, labelpos: 'c' } : {};
    graph.setEdge(edge.source, edge.target, label, edge.id);
  }
  dagre.layout(graph);
  const positions: Record<string, Point> = {};
  for (const node of model.nodes) {
    const laid = graph.node(node.id);
    positions[node.id] = { x: laid.x - node.width / 2, y: laid.y - node.height / 2 };
  }
  const size = graph.graph();
  return { positions, width: size.width ?? 0, height: size.height ?? 0, ms: performance.now() - started };
}
