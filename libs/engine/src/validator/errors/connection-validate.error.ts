import { TreeInvalidError } from '../../model/tree-invalid.error';

export const TREE_CONNECTION = 'TREE_CONNECTION';

/** Node degrees or successor types break spec 05 §3; every failing node is reported at once. */
export class ConnectionValidateError extends TreeInvalidError {
  constructor(
    readonly failedNodes: string[],
    readonly detail: Record<string, string>,
  ) {
    const lines = failedNodes.map((id) => `${id}: ${(detail[id] ?? '').replace(/\n/g, '; ')}`);
    super(TREE_CONNECTION, `invalid node connections: ${lines.join(' | ')}`, { failed_nodes: failedNodes, detail });
  }
}
