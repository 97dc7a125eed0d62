import type { LoopConfig, NodeType, TimeoutConfig } from '../model';

/**
 * The runtime's record of one node, derived from the validated tree by `run_pipeline` (spec 03
 * §2 step 3). Immutable for the whole run, so runtimes and the engine may cache it freely.
 */
interface NodeDefinitionBase {
  id: string;
  type: NodeType;
  name: string | null;
  rootPipelineId: string;
  /** Id of the pipeline that directly contains the node. */
  parentPipelineId: string;
  /** Outgoing flows in tree order: `flowId → target node id`. */
  targets: Array<{ flowId: string; targetId: string }>;
  canSkip: boolean;
  canRetry: boolean;
  /**
   * Output mapping `output key → context keys` of the containing pipeline (spec 04 §3 step 2),
   * static for the run (only inputs can be replaced by an operator).
   */
  outputMapping: Record<string, string[]>;
}

export interface EventNodeDefinition extends NodeDefinitionBase {
  type: 'EmptyStartEvent' | 'EmptyEndEvent' | 'ExecutableEndEvent';
  /** Tree `type` of an executable end event (the registered end-event code). */
  endEventType?: string;
}

export interface ServiceActivityDefinition extends NodeDefinitionBase {
  type: 'ServiceActivity';
  component: { code: string; version: string };
  errorIgnorable: boolean;
  loopConfig?: LoopConfig;
  timeoutConfig?: TimeoutConfig;
}

export interface SubProcessDefinition extends NodeDefinitionBase {
  type: 'SubProcess';
  startEventId: string;
}

export interface GatewayCondition {
  flowId: string;
  targetId: string;
  evaluate: string;
}

export interface ConditionalGatewayDefinition extends NodeDefinitionBase {
  type: 'ExclusiveGateway' | 'ConditionalParallelGateway';
  /** In the tree's `conditions` key order. */
  conditions: GatewayCondition[];
  defaultFlowId?: string;
  extraInfo: Record<string, unknown>;
  convergeGatewayId?: string;
}

export interface ParallelGatewayDefinition extends NodeDefinitionBase {
  type: 'ParallelGateway';
  convergeGatewayId: string;
}

export interface ConvergeGatewayDefinition extends NodeDefinitionBase {
  type: 'ConvergeGateway';
}

export type NodeDefinition =
  | EventNodeDefinition
  | ServiceActivityDefinition
  | SubProcessDefinition
  | ConditionalGatewayDefinition
  | ParallelGatewayDefinition
  | ConvergeGatewayDefinition;

/** What the engine caches per run: every node definition and the run's static data. */
export interface RunDefinition {
  rootPipelineId: string;
  nodes: Record<string, NodeDefinition>;
  /** Caller-supplied plain data of the root pipeline (`root_pipeline_data`). */
  rootPipelineData: Record<string, unknown>;
  /** Declared outputs (`data.outputs`) per pipeline id. */
  pipelineOutputs: Record<string, string[]>;
}
