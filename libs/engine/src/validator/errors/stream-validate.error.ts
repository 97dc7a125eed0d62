import { TreeInvalidError } from '../../model/tree-invalid.error';

export const TREE_STREAM = 'TREE_STREAM';

/** A node is reached from more than one stream, e.g. from two parallel branches (spec 05 §6). */
export class StreamValidateError extends TreeInvalidError {
  constructor(readonly nodeId: string) {
    super(TREE_STREAM, `node ${nodeId} does not belong to exactly one branch stream`, { node_id: nodeId });
  }
}
