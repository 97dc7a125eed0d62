import type { PipelineTree } from '@bamboo/engine';

export interface GraphNode {
  id: string;
  type: string;
  /** Component code of a ServiceActivity. */
  code?: string;
  /** Nodes with a flow into this one (same pipeline level). */
  sources: string[];
}

/** Every node of a tree and its nested subprocess trees, with the sources of its incoming flows. */
export function treeGraph(tree: PipelineTree, into: Map<string, GraphNode> = new Map()): Map<string, GraphNode> {
  const sourcesOf = new Map<string, string[]>();
  for (const flow of Object.values(tree.flows)) {
    const list = sourcesOf.get(flow.target) ?? [];
    list.push(flow.source);
    sourcesOf.set(flow.target, list);
  }
  const add = (id: string, type: string, code?: string): void => {
    into.set(id, { id, type, ...(code === undefined ? {} : { code }), sources: sourcesOf.get(id) ?? [] });
  };
  add(tree.start_event.id, tree.start_event.type);
  add(tree.end_event.id, tree.end_event.type);
  for (const gateway of Object.values(tree.gateways)) add(gateway.id, gateway.type);
  for (const act of Object.values(tree.activities)) {
    if (act.type === 'SubProcess') {
      add(act.id, act.type);
      treeGraph(act.pipeline, into);
    } else {
      add(act.id, act.type, act.component.code);
    }
  }
  return into;
}
