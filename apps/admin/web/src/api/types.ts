// Wire types of the REST API the console uses (spec 06 Part B, 00-README additions, and the few
// console-only reads documented in docs/adr/0005-admin-console-stack.md). Pure types, no DOM.

export interface ApiErrorBody {
  code: string;
  type: string;
  detail: Record<string, unknown>;
}

export interface Envelope<T> {
  result: boolean;
  message: string;
  data: T;
  error: ApiErrorBody | null;
}

export type StateName =
  | 'CREATED'
  | 'READY'
  | 'RUNNING'
  | 'SUSPENDED'
  | 'BLOCKED'
  | 'FINISHED'
  | 'FAILED'
  | 'REVOKED'
  | 'LOOP_READY'
  | 'ROLLING_BACK'
  | 'ROLL_BACK_SUCCESS'
  | 'ROLL_BACK_FAILED';

export interface PipelineSummary {
  pipeline_id: string;
  name: string | null;
  state: StateName;
  created_time: string | null;
  started_time: string | null;
  archived_time: string | null;
  node_count: number;
  failed_node_count: number;
}

export interface PipelinePage {
  items: PipelineSummary[];
  next_cursor: string | null;
}

export interface PipelineListQuery {
  state?: string;
  name?: string;
  created_after?: string;
  created_before?: string;
  limit?: number;
  cursor?: string;
}

// ---- pipeline tree (spec 02), only the fields the console reads ----

export interface Variable {
  type: string;
  value: unknown;
  [key: string]: unknown;
}

export interface Condition {
  evaluate: string;
  name?: string;
  tag?: string;
}

export interface TreeEvent {
  id: string;
  type: string;
  name?: string | null;
  incoming: string | string[];
  outgoing: string | string[];
}

export interface ServiceActivityNode {
  id: string;
  type: 'ServiceActivity';
  name?: string | null;
  incoming: string | string[];
  outgoing: string;
  component: { code: string; version?: string; inputs: Record<string, Variable> };
  error_ignorable: boolean;
  skippable: boolean;
  retryable: boolean;
  loop_config?: { enable: boolean; loop_times?: number; retryable?: boolean; skippable?: boolean };
}

export interface SubProcessNode {
  id: string;
  type: 'SubProcess';
  name?: string | null;
  incoming: string | string[];
  outgoing: string;
  params: Record<string, Variable>;
  pipeline: PipelineTree;
}

export interface GatewayNode {
  id: string;
  type: 'ParallelGateway' | 'ExclusiveGateway' | 'ConditionalParallelGateway' | 'ConvergeGateway';
  name?: string | null;
  incoming: string | string[];
  outgoing: string | string[];
  conditions?: Record<string, Condition>;
  default_condition?: { flow_id?: string; name?: string };
  converge_gateway_id?: string;
}

export interface Flow {
  id: string;
  source: string;
  target: string;
  is_default?: boolean;
}

export interface PipelineTree {
  id: string;
  name?: string | null;
  start_event: TreeEvent;
  end_event: TreeEvent;
  activities: Record<string, ServiceActivityNode | SubProcessNode>;
  gateways: Record<string, GatewayNode>;
  flows: Record<string, Flow>;
  data?: unknown;
}

/** `GET /pipelines/{id}`: the summary fields plus the validated tree as run. */
export interface PipelineDetail extends PipelineSummary {
  tree: PipelineTree;
}

// ---- states (spec 06 B.4) ----

export interface NodeStateRecord {
  id: string;
  state: StateName;
  display_state?: string;
  root_id: string | null;
  parent_id: string | null;
  version: string;
  loop: number;
  retry: number;
  skip: boolean;
  error_ignorable: boolean;
  error_ignored: boolean;
  created_time: string | null;
  started_time: string | null;
  archived_time: string | null;
}

export interface StateEntry extends NodeStateRecord {
  children: Record<string, StateEntry>;
}

export type StatesResponse = Record<string, StateEntry>;

export interface ExecutionData {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

export interface HistoryRecord {
  id: number;
  node_id: string;
  started_time: string | null;
  archived_time: string | null;
  retry?: number;
  loop: number;
  skip: boolean;
  version: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface NodeLog {
  log: string;
}

// ---- console-only reads (documented for the API engineer) ----

/** `GET /components`: one registered (code, version) of the catalogue (spec 07 §1.3, §5). */
export interface ComponentInfo {
  code: string;
  name: string;
  version: string;
  is_default_version?: boolean;
  group_name?: string;
  desc?: string;
  need_schedule?: boolean;
  multi_callback_enabled?: boolean;
  inputs_format?: FieldFormat[];
  outputs_format?: FieldFormat[];
}

export interface FieldFormat {
  key: string;
  name?: string;
  type?: string;
  required?: boolean;
  [key: string]: unknown;
}

/** `GET /engine/status`. */
export interface EngineStatus {
  workers: WorkerInfo[];
  queues: QueueDepth[];
  healer: HealerAction[];
}

export interface WorkerInfo {
  id: string;
  hostname: string;
  pid: number;
  queues: string[];
  last_seen: string;
}

export interface QueueDepth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface HealerAction {
  time: string;
  action: string;
  process_id: number | null;
  node_id: string | null;
  detail: string;
}

/** `GET /auth/whoami`. */
export interface WhoAmI {
  scope: 'full' | 'read';
}
