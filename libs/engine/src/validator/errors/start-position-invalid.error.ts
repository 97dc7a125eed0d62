import { TreeInvalidError } from '../../model/tree-invalid.error';

export const START_POSITION_INVALID = 'START_POSITION_INVALID';

/** `start_node_id` is not on the main line of the root pipeline (spec 05 §7). */
export class StartPositionInvalidError extends TreeInvalidError {
  constructor(readonly nodeId: string) {
    super(START_POSITION_INVALID, 'this node_id is not allowed as a starting node', { node_id: nodeId });
  }
}
