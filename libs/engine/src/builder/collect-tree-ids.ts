import { type PipelineTree } from '../model';
import { BuilderError } from './builder.error';
import { type IdGenerator, type IdPrefix } from './id-generator';

export interface FreshIds {
  /** Every old id (pipeline, nodes, flows, at every level) → its new id. */
  all: Map<string, string>;
  /** Only node ids, the ones context keys can be derived from. */
  nodes: Map<string, string>;
}

/** Assigns a fresh id to the root pipeline and to every node and flow of every level. */
export function collectFreshIds(tree: PipelineTree, newId: IdGenerator): FreshIds {
  const ids: FreshIds = { all: new Map(), nodes: new Map() };
  const issued = new Set<string>();
  const assign = (oldId: string, prefix: IdPrefix): void => {
    // A repeated old id (an invalid tree) keeps one mapping so its references stay consistent.
    if (ids.all.has(oldId)) return;
    const fresh = newId(prefix);
    if (issued.has(fresh)) throw new BuilderError(`The id generator returned ${fresh} twice`, { id: fresh });
    issued.add(fresh);
    ids.all.set(oldId, fresh);
    if (prefix === 'e') ids.nodes.set(oldId, fresh);
  };
  assign(tree.id, 'p');
  collectLevel(tree, assign);
  return ids;
}

function collectLevel(tree: PipelineTree, assign: (oldId: string, prefix: IdPrefix) => void): void {
  assign(tree.start_event.id, 'e');
  assign(tree.end_event.id, 'e');
  for (const node of Object.values(tree.activities)) assign(node.id, 'e');
  for (const node of Object.values(tree.gateways)) assign(node.id, 'e');
  for (const flow of Object.values(tree.flows)) assign(flow.id, 'f');
  for (const node of Object.values(tree.activities)) {
    // The nested pipeline id is the SubProcess id, so it needs no id of its own.
    if (node.type === 'SubProcess') collectLevel(node.pipeline, assign);
  }
}
