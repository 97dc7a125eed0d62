import { TreeInvalidError } from '../../model/tree-invalid.error';

export const TREE_ISOLATED_NODE = 'TREE_ISOLATED_NODE';

/** A node cannot be reached from the start event (spec 05 §6 step 5). */
export class IsolateNodeError extends TreeInvalidError {
  constructor(readonly nodeId: string) {
    super(TREE_ISOLATED_NODE, `node ${nodeId} cannot be reached from the start event`, { node_id: nodeId });
  }
}
