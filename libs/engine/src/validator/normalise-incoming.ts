import { toFlowIdList } from '../model/flow-id-list';
import type { PipelineTree } from '../model/pipeline-tree';

/**
 * Spec 05 §1 step 3: `incoming` of activities, gateways and the end event becomes a list, in place
 * on the validator's working copy, one level only (nested levels are normalised by their own pass).
 * `outgoing` keeps its string form: execution reads a single flow id there.
 */
export function normaliseIncoming(tree: PipelineTree): void {
  for (const node of Object.values(tree.activities)) node.incoming = toFlowIdList(node.incoming);
  for (const node of Object.values(tree.gateways)) node.incoming = toFlowIdList(node.incoming);
  tree.end_event.incoming = toFlowIdList(tree.end_event.incoming);
}
