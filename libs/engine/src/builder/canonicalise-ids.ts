import { type PipelineTree } from '../model';
import { setOwn } from './clone-json';
import { rewriteDerivedKeys } from './derived-key-rewriter';

/**
 * Copy of a tree whose ids are replaced by names given in traversal order: the root pipeline is
 * `p0`, nodes `e0, e1, …` breadth-first from the start event (a SubProcess's nested pipeline is
 * named when the SubProcess is reached), flows `f0, f1, …` as outgoing lists list them. Two trees
 * with the same shape canonicalise to equal values whatever their ids, so this compares a built or
 * regenerated tree with a template. Every exact id string, map key and derived context key
 * (`${k_<node id>}`) is renamed; anything the traversal does not reach is named afterwards in
 * map order.
 */
export function canonicaliseIds(tree: PipelineTree): PipelineTree {
  const names = new Map<string, string>();
  const nodeNames = new Map<string, string>();
  const counters = { e: 0, f: 0 };
  const name = (id: string, prefix: 'e' | 'f'): void => {
    if (names.has(id)) return;
    const canonical = `${prefix}${counters[prefix]++}`;
    names.set(id, canonical);
    if (prefix === 'e') nodeNames.set(id, canonical);
  };
  names.set(tree.id, 'p0');
  nameLevel(tree, name);
  return rename(tree, names, nodeNames) as PipelineTree;
}

type Namer = (id: string, prefix: 'e' | 'f') => void;

interface LevelNode {
  id: string;
  outgoing: string | string[];
  type: string;
  pipeline?: PipelineTree;
}

function nameLevel(tree: PipelineTree, name: Namer): void {
  const nodes = new Map<string, LevelNode>();
  for (const node of [
    tree.start_event,
    tree.end_event,
    ...Object.values(tree.activities),
    ...Object.values(tree.gateways),
  ]) {
    nodes.set(node.id, node);
  }
  const queue = [tree.start_event.id];
  const visited = new Set<string>();
  const visit = (id: string): void => {
    if (visited.has(id)) return;
    visited.add(id);
    name(id, 'e');
    const node = nodes.get(id);
    if (!node) return;
    if (node.type === 'SubProcess' && node.pipeline) nameLevel(node.pipeline, name);
    const outgoing = typeof node.outgoing === 'string' ? [node.outgoing].filter(Boolean) : node.outgoing;
    for (const flowId of outgoing) {
      name(flowId, 'f');
      const target = tree.flows[flowId]?.target;
      if (target !== undefined) queue.push(target);
    }
  };
  for (let head = 0; head < queue.length; head++) visit(queue[head] as string);
  for (const id of nodes.keys()) visit(id);
  for (const flowId of Object.keys(tree.flows)) name(flowId, 'f');
}

function rename(value: unknown, names: ReadonlyMap<string, string>, nodeNames: ReadonlyMap<string, string>): unknown {
  const renameText = (text: string): string => names.get(text) ?? rewriteDerivedKeys(text, nodeNames);
  if (typeof value === 'string') return renameText(value);
  if (Array.isArray(value)) return value.map((item: unknown) => rename(item, names, nodeNames));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, renameText(key), rename(item, names, nodeNames));
    return copy;
  }
  return value;
}
