import type { PipelineTree } from '../model';
import type { Dispatch } from './engine-task';
import type { RunDefinition } from './node-definition';
import type { ContextValue, NodeData, NodeStateRecord, ProcessRecord } from './runtime-records';

/**
 * Everything `run_pipeline` stores (spec 03 §2 step 3), written in one transaction together with
 * the first dispatch. The runtime rejects the plan with `InvalidOperationError` when the root id or
 * any node id already has a state record (spec 01 §2 rule 2).
 */
export interface RunPlan {
  /** The validated tree as run, kept for the task list and the graph view (00-README additions). */
  tree: PipelineTree;
  /** Display name: the tree's optional top-level `name`, else ''. */
  name: string;
  definition: RunDefinition;
  rootState: NodeStateRecord;
  rootProcess: ProcessRecord;
  nodeData: Array<{ nodeId: string; data: NodeData }>;
  context: Array<{ pipelineId: string; values: ContextValue[] }>;
  dispatch: Dispatch[];
}
