/**
 * Typed signal names and payloads (spec 08 §2, §4, §5). Payload keys keep the snake_case names of
 * the spec so that the JSON fan-out (§6.4) and bamboo-engine receivers read the same fields.
 * Nothing here references engine types: services and data objects are structural or `unknown`.
 */

/** A node or pipeline state name from spec 01 (READY, RUNNING, FINISHED, FAILED, ...). */
export type StateName = string;

/** The data object handed to a component (`inputs`/`outputs`), kept structural on purpose. */
export interface DataObjectLike {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** The stored callback record `{id, node_id, version, data}`. */
export interface CallbackRecordPayload {
  id: string;
  node_id: string;
  version: string;
  data: Record<string, unknown>;
}

// ---- §2 runtime signals -------------------------------------------------------------------------

export interface PostSetStatePayload {
  node_id: string;
  to_state: StateName;
  /** Version after the write. */
  version: string;
  root_id: string;
  parent_id: string;
  /** Loop value passed to the write; -1 when the write does not change the loop counter. */
  loop: number;
}

export interface InterruptEvent {
  /** Checkpoint name the retry resumes from. */
  name: string;
  process_id: string | number;
  node_id: string;
  exception: string;
  exception_traceback: string;
}

export interface InterruptPayload {
  event: InterruptEvent;
}

export interface PreServiceExecutePayload {
  service: unknown;
  data: DataObjectLike;
  parent_data: DataObjectLike;
}

export interface PreServiceSchedulePayload extends PreServiceExecutePayload {
  callback_data: CallbackRecordPayload | null;
}

// ---- §4 engine hook events (published as `pipeline_event`) ----------------------------------------

export interface PipelineEventDataMap {
  pre_prepare_run_pipeline: PrepareRunPipelineData;
  post_prepare_run_pipeline: PrepareRunPipelineData;
  pre_pause_pipeline: { pipeline_id: string };
  post_pause_pipeline: { pipeline_id: string };
  pre_resume_pipeline: { pipeline_id: string };
  post_resume_pipeline: { pipeline_id: string };
  pre_revoke_pipeline: { pipeline_id: string };
  post_revoke_pipeline: { pipeline_id: string };
  pre_pause_node: { node_id: string };
  post_pause_node: { node_id: string };
  pre_resume_node: { node_id: string };
  post_resume_node: { node_id: string };
  pre_retry_node: { node_id: string; data: Record<string, unknown> | null };
  post_retry_node: { node_id: string; data: Record<string, unknown> | null };
  pre_retry_subprocess: { node_id: string };
  post_retry_subprocess: { node_id: string };
  pre_skip_node: { node_id: string };
  post_skip_node: { node_id: string };
  pre_skip_exclusive_gateway: { node_id: string; flow_id: string };
  post_skip_exclusive_gateway: { node_id: string; flow_id: string };
  pre_skip_conditional_parallel_gateway: SkipConditionalParallelGatewayData;
  post_skip_conditional_parallel_gateway: SkipConditionalParallelGatewayData;
  pre_forced_fail_activity: { node_id: string; ex_data: string };
  post_forced_fail_activity: { node_id: string; ex_data: string; old_version: string; new_version: string };
  pre_callback: { node_id: string; version: string; data: unknown };
  post_callback: { node_id: string; version: string; data: unknown };
  node_enter: NodeEventData;
  pre_execute: NodeEventData;
  post_execute: NodeEventData;
  node_execute_exception: NodeExceptionEventData;
  node_execute_fail: NodeEventData;
  pre_schedule: NodeEventData;
  post_schedule: NodeEventData;
  node_schedule_exception: NodeExceptionEventData;
  node_schedule_fail: NodeEventData;
  node_finish: NodeEventData;
  pipeline_finish: { pipeline_id: string };
}

export interface PrepareRunPipelineData {
  pipeline: unknown;
  root_pipeline_data: Record<string, unknown>;
  root_pipeline_context: Record<string, unknown>;
  subprocess_context: Record<string, unknown>;
}

export interface SkipConditionalParallelGatewayData {
  node_id: string;
  flow_ids: string[];
  converge_gateway_id: string;
}

export interface NodeEventData {
  root_pipeline_id: string;
  node_id: string;
}

export interface NodeExceptionEventData extends NodeEventData {
  /** Stack trace of the exception. */
  ex_data: string;
}

export type PipelineEventType = keyof PipelineEventDataMap;

/** One engine hook event; a union so that `event_type` narrows `data`. */
export type PipelineEvent = {
  [T in PipelineEventType]: { event_type: T; data: PipelineEventDataMap[T] };
}[PipelineEventType];

export interface PipelineEventPayload {
  event: PipelineEvent;
}

export const PIPELINE_EVENT_TYPES: readonly PipelineEventType[] = [
  'pre_prepare_run_pipeline',
  'post_prepare_run_pipeline',
  'pre_pause_pipeline',
  'post_pause_pipeline',
  'pre_resume_pipeline',
  'post_resume_pipeline',
  'pre_revoke_pipeline',
  'post_revoke_pipeline',
  'pre_pause_node',
  'post_pause_node',
  'pre_resume_node',
  'post_resume_node',
  'pre_retry_node',
  'post_retry_node',
  'pre_retry_subprocess',
  'post_retry_subprocess',
  'pre_skip_node',
  'post_skip_node',
  'pre_skip_exclusive_gateway',
  'post_skip_exclusive_gateway',
  'pre_skip_conditional_parallel_gateway',
  'post_skip_conditional_parallel_gateway',
  'pre_forced_fail_activity',
  'post_forced_fail_activity',
  'pre_callback',
  'post_callback',
  'node_enter',
  'pre_execute',
  'post_execute',
  'node_execute_exception',
  'node_execute_fail',
  'pre_schedule',
  'post_schedule',
  'node_schedule_exception',
  'node_schedule_fail',
  'node_finish',
  'pipeline_finish',
];

// ---- §5 pipeline-level signals and derived domain events -----------------------------------------

export interface PipelineInstancePayload {
  instance_id: string;
}

export interface PeriodicTaskStartPayload {
  periodic_task: unknown;
  pipeline_instance: unknown;
}

export interface PeriodicTaskStartFailedPayload {
  periodic_task: unknown;
  history: unknown;
}

export interface PipelineFinishedPayload {
  pipeline_id: string;
  version: string;
}

export interface PipelineRevokedPayload {
  pipeline_id: string;
}

export interface ActivityFailedPayload {
  root_pipeline_id: string;
  node_id: string;
  version: string;
  /** True when the failure came from `forced_fail_activity`. */
  forced: boolean;
}

/** Every signal the bus carries, name → payload. */
export interface SignalMap {
  post_set_state: PostSetStatePayload;
  execute_interrupt: InterruptPayload;
  schedule_interrupt: InterruptPayload;
  pre_service_execute: PreServiceExecutePayload;
  pre_service_schedule: PreServiceSchedulePayload;
  pipeline_event: PipelineEventPayload;
  post_pipeline_finish: PipelineInstancePayload;
  post_pipeline_revoke: PipelineInstancePayload;
  pre_periodic_task_start: PeriodicTaskStartPayload;
  post_periodic_task_start: PeriodicTaskStartPayload;
  periodic_task_start_failed: PeriodicTaskStartFailedPayload;
  pipeline_finished: PipelineFinishedPayload;
  pipeline_revoked: PipelineRevokedPayload;
  activity_failed: ActivityFailedPayload;
  node_state_changed: PostSetStatePayload;
}

export type SignalName = keyof SignalMap;

export const SIGNAL_NAMES: readonly SignalName[] = [
  'post_set_state',
  'execute_interrupt',
  'schedule_interrupt',
  'pre_service_execute',
  'pre_service_schedule',
  'pipeline_event',
  'post_pipeline_finish',
  'post_pipeline_revoke',
  'pre_periodic_task_start',
  'post_periodic_task_start',
  'periodic_task_start_failed',
  'pipeline_finished',
  'pipeline_revoked',
  'activity_failed',
  'node_state_changed',
];

/** Builds a typed `pipeline_event` payload. */
export function pipelineEvent<T extends PipelineEventType>(
  eventType: T,
  data: PipelineEventDataMap[T],
): PipelineEventPayload {
  return { event: { event_type: eventType, data } as PipelineEvent };
}
