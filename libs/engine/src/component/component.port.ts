import type { DataObject, DataRecord } from './data-object';

/**
 * What the engine needs from components, lazy variables and executable end events. The engine
 * depends only on these shapes; `@bamboo/component-framework` implements them (the `@Component`
 * decorator, `Service` base class and registry) and the runtime wires its registry in.
 */

export type ServiceResult = boolean | void | Promise<boolean | void>;

/** Per-node logger; the runtime stores its lines as node log entries (spec 09 §9). */
export interface NodeLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Runtime attributes set on a service instance before each call (spec 07 §2.2). */
export interface RuntimeAttrs {
  id: string;
  version: string;
  topPipelineId: string;
  rootPipelineId: string;
  loop: number;
  innerLoop: number;
  logger: NodeLogger;
  /** Engine clock (epoch ms), so that time-based components follow a fake clock in tests. */
  clock?: { now(): number };
}

/** Stored callback record handed to hooks (spec 07 §2.3 rule 8). */
export interface CallbackRecord {
  id: string;
  node_id: string;
  version: string;
  data: DataRecord;
}

/** Component hook names (spec 08 §3.2), camelCase. */
export type ComponentHookName =
  | 'nodeEnter'
  | 'preExecute'
  | 'postExecute'
  | 'nodeExecuteException'
  | 'nodeExecuteFail'
  | 'nodeFinish'
  | 'preSchedule'
  | 'postSchedule'
  | 'nodeScheduleException'
  | 'nodeScheduleFail'
  | 'nodeRetry'
  | 'nodeSkip'
  | 'nodeForcedFail'
  | 'nodeCallback'
  | 'nodeTimeout'
  // Operator-command hooks of spec 08 §3.2 (read-only; the base Service declares them all).
  | 'prePauseNode'
  | 'postPauseNode'
  | 'preResumeNode'
  | 'postResumeNode'
  | 'preRetryNode'
  | 'postRetryNode'
  | 'preSkipNode'
  | 'postSkipNode'
  | 'preForcedFailActivity'
  | 'postForcedFailActivity'
  | 'preCallback'
  | 'postCallback';

export type ComponentHook = (
  data: DataObject,
  parentData: DataObject,
  callbackData?: CallbackRecord | null,
) => ServiceResult;

/** A service instance: a fresh one for every execute, schedule, hook and rollback call. */
export interface ComponentService extends Partial<Record<ComponentHookName, ComponentHook>> {
  execute(data: DataObject, parentData: DataObject): ServiceResult;
  schedule(data: DataObject, parentData: DataObject, callbackData: DataRecord | null): ServiceResult;
  rollback?(data: DataObject, parentData: DataObject, rollbackData?: unknown): ServiceResult;
  finishSchedule(): void;
  isScheduleFinished(): boolean;
  setupRuntimeAttrs(attrs: RuntimeAttrs): void;
}

/** Poll interval generator (spec 07 §2.4): `next()` increments `count`, then returns seconds. */
export interface IntervalGenerator {
  count: number;
  next(): number;
}

/** Stored schedule type codes (spec 07 §2.3). */
export const ScheduleType = { CALLBACK: 1, MULTIPLE_CALLBACK: 2, POLL: 3 } as const;
export type ScheduleType = (typeof ScheduleType)[keyof typeof ScheduleType];

/** A registered component, keyed by `(code, version)`. */
export interface ComponentDefinition {
  code: string;
  version: string;
  name: string;
  needSchedule: boolean;
  multiCallbackEnabled: boolean;
  needRunHook: boolean;
  /** A fresh generator per call, or null when the service does not poll. */
  createInterval(): IntervalGenerator | null;
  /** A fresh service instance; may be async when a DI container builds it. */
  createService(nodeName?: string | null): ComponentService | Promise<ComponentService>;
  /**
   * Problems with the rendered inputs (missing required items, schema violations), empty when
   * fine. Only consulted when strict inputs are enabled (spec 07 §5, `COMPONENT_STRICT_INPUTS`).
   */
  checkInputs?(inputs: DataRecord): string[] | Promise<string[]>;
}

export interface LazyVariableArgs {
  /** The raw value after splice rendering. */
  value: unknown;
  /** The resolved context values the variable may read (deformatted keys). */
  context: DataRecord;
  /** Root pipeline data (`root_pipeline_data`). */
  pipelineData: DataRecord;
  innerLoop: number;
}

export interface LazyVariableDefinition {
  code: string;
  name: string;
  getValue(args: LazyVariableArgs): unknown;
}

export interface EndEventDefinition {
  type: string;
  execute(pipelineStack: string[], rootPipelineId: string): void | Promise<void>;
}

/** Lookup of everything user code registers. Missing entries return undefined. */
export interface ComponentCatalog {
  findComponent(code: string, version: string): ComponentDefinition | undefined;
  findLazyVariable(code: string): LazyVariableDefinition | undefined;
  findEndEvent(type: string): EndEventDefinition | undefined;
  /** Registered executable end-event types: extra sink types for validation (spec 05 §3). */
  endEventTypes(): string[];
}
