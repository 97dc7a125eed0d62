/**
 * Records of the rollback extension (spec 09 §2.3, §8). Ids are assigned by the runtime (the SQL
 * tables use auto-increment keys) and travel as strings, like every other id of the port.
 */

/** Rollback modes of spec 06 A.21. */
export type RollbackMode = 'TOKEN' | 'ANY';

/** Inputs, outputs and root data of one finished ServiceActivity attempt (`rollback_node_snapshot`). */
export interface RollbackNodeSnapshot {
  id: string;
  rootPipelineId: string;
  nodeId: string;
  code: string;
  version: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** The root pipeline data, handed to the component's `rollback` as `parent_data`. */
  contextValues: Record<string, unknown>;
  rolledBack: boolean;
}

/** A reserved rollback, started when its start node finishes (`rollback_plan`). */
export interface RollbackPlan {
  id: string;
  rootPipelineId: string;
  startNodeId: string;
  targetNodeId: string;
  mode: RollbackMode;
  /** `skipRollbackNodes`, `skipCheckToken` of the reservation. */
  options: Record<string, unknown>;
  expired: boolean;
}

/** The reversed graph a TOKEN rollback walks, framed by START/END markers (`rollback_snapshot`). */
export interface RollbackGraphRecord {
  nodes: string[];
  flows: Array<[string, string]>;
}

/** One TOKEN rollback in progress (`rollback_snapshot`). */
export interface RollbackRun {
  id: string;
  rootPipelineId: string;
  graph: RollbackGraphRecord;
  /** Visits per graph node (1 once its rollback step ran). */
  nodeAccessRecord: Record<string, number>;
  skipRollbackNodes: string[];
  /** Gateways and subprocesses on the path: not rolled back, but cleaned up. */
  otherNodes: string[];
  startNodeId: string;
  targetNodeId: string;
  expired: boolean;
}

/** What rollback commands and tasks read about one root pipeline, in one call. */
export interface RollbackState {
  /** Unexpired rollbacks (at most one unless the store was edited by hand). */
  runs: RollbackRun[];
  /** Unexpired reservations. */
  plans: RollbackPlan[];
  /** Every node snapshot of the pipeline, oldest first. */
  nodeSnapshots: RollbackNodeSnapshot[];
}

/** Rollback writes of one commit (`StepCommit.rollback`), applied after the other effects. */
export interface RollbackWrites {
  addNodeSnapshots?: Array<Omit<RollbackNodeSnapshot, 'id' | 'rolledBack'>>;
  /** Node snapshot ids whose rollback succeeded. */
  markRolledBack?: string[];
  addPlans?: Array<Omit<RollbackPlan, 'id' | 'expired'>>;
  /** Expires the unexpired plans of these start nodes. */
  expirePlans?: Array<{ rootPipelineId: string; startNodeId: string }>;
  addRuns?: Array<Omit<RollbackRun, 'id' | 'expired'>>;
  /** Replaces the visit counts of a run. */
  runAccess?: Array<{ id: string; nodeAccessRecord: Record<string, number> }>;
  /**
   * Clean-up after a rollback (spec 09 §8 step 4): deletes every node snapshot of these root
   * pipelines and expires their runs and plans.
   */
  clearRootPipelines?: string[];
}
