/**
 * The pipeline-tree JSON (spec 02), exactly as bamboo-engine's builder emits it. Keys are
 * snake_case and byte-identical to the original so that trees run unchanged. Object key order is
 * significant for `gateways`, `conditions` and `outgoing` (spec 02): parsers must keep it.
 */

export const VARIABLE_TYPES = ['plain', 'splice', 'lazy'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** One `{source_act, source_key}` element of a RewritableNodeOutput declaration. */
export interface SourceActRef {
  source_act: string;
  source_key: string;
}

/** A variable in `data.inputs`, `component.inputs` or SubProcess `params` (spec 02 §6). */
export interface Variable {
  type: VariableType;
  value: unknown;
  custom_type?: string;
  source_act?: string | SourceActRef[];
  source_key?: string;
  need_initialization?: boolean;
  is_param?: boolean;
  source_tag?: string;
  need_render?: boolean;
  /** Editor metadata and other keys are accepted and preserved. */
  [extra: string]: unknown;
}

export interface PipelineData {
  inputs: Record<string, Variable>;
  outputs: string[];
  pre_render_keys?: string[];
  [extra: string]: unknown;
}

export interface StartEvent {
  id: string;
  type: 'EmptyStartEvent';
  name?: string | null;
  incoming: string | string[];
  outgoing: string;
  [extra: string]: unknown;
}

export interface EndEvent {
  id: string;
  /** `EmptyEndEvent` or the registered name of an executable end event. */
  type: string;
  name?: string | null;
  incoming: string | string[];
  outgoing: string;
  [extra: string]: unknown;
}

export type TimeoutAction = 'forced_fail' | 'forced_fail_and_skip';

export interface TimeoutConfig {
  enable: boolean;
  action: TimeoutAction;
  seconds: number;
}

export interface LoopConfig {
  enable: boolean;
  loop_times?: number;
  fail_skip?: boolean;
  retryable?: boolean;
  skippable?: boolean;
  outputs_key?: string;
}

export interface ComponentSpec {
  code: string;
  version?: string;
  inputs: Record<string, Variable>;
  [extra: string]: unknown;
}

export interface ServiceActivityNode {
  id: string;
  type: 'ServiceActivity';
  name?: string | null;
  incoming: string | string[];
  outgoing: string;
  component: ComponentSpec;
  error_ignorable: boolean;
  skippable: boolean;
  retryable: boolean;
  optional?: boolean;
  timeout?: number | null;
  timeout_config?: TimeoutConfig;
  loop_config?: LoopConfig;
  [extra: string]: unknown;
}

export interface SubProcessNode {
  id: string;
  type: 'SubProcess';
  name?: string | null;
  incoming: string | string[];
  outgoing: string;
  params: Record<string, Variable>;
  pipeline: PipelineTree;
  template_id?: string;
  [extra: string]: unknown;
}

export type ActivityNode = ServiceActivityNode | SubProcessNode;

export interface Condition {
  evaluate: string;
  name?: string;
  tag?: string;
  [extra: string]: unknown;
}

export interface DefaultCondition {
  flow_id?: string;
  name?: string;
  [extra: string]: unknown;
}

interface GatewayBase {
  id: string;
  name?: string | null;
  incoming: string | string[];
  [extra: string]: unknown;
}

export interface ParallelGatewayNode extends GatewayBase {
  type: 'ParallelGateway';
  outgoing: string[];
  converge_gateway_id?: string;
}

export interface ExclusiveGatewayNode extends GatewayBase {
  type: 'ExclusiveGateway';
  outgoing: string[];
  conditions: Record<string, Condition>;
  default_condition?: DefaultCondition;
  extra_info?: Record<string, unknown>;
  converge_gateway_id?: string;
}

export interface ConditionalParallelGatewayNode extends GatewayBase {
  type: 'ConditionalParallelGateway';
  outgoing: string[];
  conditions: Record<string, Condition>;
  default_condition?: DefaultCondition;
  extra_info?: Record<string, unknown>;
  converge_gateway_id?: string;
}

export interface ConvergeGatewayNode extends GatewayBase {
  type: 'ConvergeGateway';
  outgoing: string;
}

export type GatewayNode =
  ParallelGatewayNode | ExclusiveGatewayNode | ConditionalParallelGatewayNode | ConvergeGatewayNode;

export interface Flow {
  id: string;
  source: string;
  target: string;
  is_default?: boolean;
  [extra: string]: unknown;
}

export interface PipelineTree {
  id: string;
  start_event: StartEvent;
  end_event: EndEvent;
  activities: Record<string, ActivityNode>;
  gateways: Record<string, GatewayNode>;
  flows: Record<string, Flow>;
  data: PipelineData;
  [extra: string]: unknown;
}

export type NodeType =
  | 'EmptyStartEvent'
  | 'EmptyEndEvent'
  | 'ExecutableEndEvent'
  | 'ServiceActivity'
  | 'SubProcess'
  | 'ParallelGateway'
  | 'ExclusiveGateway'
  | 'ConditionalParallelGateway'
  | 'ConvergeGateway';

export const GATEWAY_TYPES = [
  'ParallelGateway',
  'ExclusiveGateway',
  'ConditionalParallelGateway',
  'ConvergeGateway',
] as const;
export const ACTIVITY_TYPES = ['ServiceActivity', 'SubProcess'] as const;

export const DIVERGING_GATEWAY_TYPES = ['ParallelGateway', 'ExclusiveGateway', 'ConditionalParallelGateway'] as const;
/** Gateways whose branches all run and must meet at one converge gateway (spec 05 §5). */
export const PARALLEL_GATEWAY_TYPES = ['ParallelGateway', 'ConditionalParallelGateway'] as const;
export const START_EVENT_TYPE = 'EmptyStartEvent';
export const EMPTY_END_EVENT_TYPE = 'EmptyEndEvent';
export const TIMEOUT_ACTIONS = ['forced_fail', 'forced_fail_and_skip'] as const;
