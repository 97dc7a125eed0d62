import type {
  CallbackRecord,
  ComponentService,
  DataObject,
  DataRecord,
  RuntimeAttrs,
  ServiceResult,
} from '@bamboo/engine';
import type { IntervalFactory } from '../interval';
import type { IntervalGenerator as IntervalGeneratorPort } from '@bamboo/engine';
import { DEFAULT_OUTPUTS, type InputItem, type OutputItem } from '../items';
import type { InputsSchemaClass } from './service-class';

type HookCallbackData = CallbackRecord | null | undefined;

/**
 * Base class of every component service (spec 07 §2, §8.1). The engine builds a fresh instance for
 * every execute, schedule, hook and rollback call, so anything needed later must go to
 * `data.outputs`, never to instance fields.
 */
export abstract class Service implements ComponentService {
  /** The service needs the schedule phase (`__need_schedule__`). */
  static needSchedule = false;
  /** Accept several callbacks; finishes only on `finishSchedule()` (`__multi_callback_enabled__`). */
  static multiCallbackEnabled = false;
  /** Receive component hooks (`__need_run_hook__`, spec 08 §3). */
  static needRunHook = false;
  /** Non-null makes a scheduled service a poller; a factory so that no generator is shared. */
  static interval: IntervalFactory | IntervalGeneratorPort | null = null;
  /** Optional class-validator DTO checked against the inputs when strict inputs are on. */
  static inputsSchema: InputsSchemaClass | null = null;

  /** The node's name; assigned after construction when a DI container builds the instance. */
  name: string | null;
  private runtimeAttrs: RuntimeAttrs | undefined;
  private scheduleFinished = false;

  constructor(name?: string | null) {
    this.name = name ?? null;
  }

  /** Node id, version, pipeline ids, loop counters and node logger of the current call. */
  get runtime(): RuntimeAttrs {
    if (!this.runtimeAttrs) {
      throw new Error(
        `${this.constructor.name}.runtime was read before setupRuntimeAttrs(): the engine sets it before each call; ` +
          'in tests use runComponent() from @bamboo/component-framework/testing or call setupRuntimeAttrs() yourself',
      );
    }
    return this.runtimeAttrs;
  }

  get logger(): RuntimeAttrs['logger'] {
    return this.runtime.logger;
  }

  setupRuntimeAttrs(attrs: RuntimeAttrs): void {
    this.runtimeAttrs = Object.freeze({ ...attrs });
  }

  /** Current time in epoch ms from the engine clock, so fake clocks drive time-based services. */
  protected now(): number {
    return this.runtimeAttrs?.clock?.now() ?? Date.now();
  }

  abstract execute(data: DataObject, parentData: DataObject): ServiceResult;

  schedule(_data: DataObject, _parentData: DataObject, _callbackData: DataRecord | null): ServiceResult {
    return true;
  }

  rollback(_data: DataObject, _parentData: DataObject, _rollbackData?: unknown): ServiceResult {
    return true;
  }

  inputsFormat(): InputItem[] {
    return [];
  }

  outputsFormat(): OutputItem[] {
    return [];
  }

  inputs(): InputItem[] {
    return this.inputsFormat();
  }

  /** Declared outputs plus the engine's `_result`, `_loop`, `_inner_loop`. */
  outputs(): OutputItem[] {
    return [...this.outputsFormat(), ...DEFAULT_OUTPUTS];
  }

  finishSchedule(): void {
    this.scheduleFinished = true;
  }

  isScheduleFinished(): boolean {
    return this.scheduleFinished;
  }

  cleanStatus(): void {
    this.scheduleFinished = false;
  }

  // Component hooks (spec 08 §3): called only when `needRunHook` is true; returning true (or
  // nothing) lets the engine save changes made to `data` where the hook is not read-only.
  nodeEnter(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preExecute(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postExecute(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  nodeExecuteException(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  nodeExecuteFail(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preSchedule(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postSchedule(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  nodeScheduleException(_data: DataObject, _parentData: DataObject, _callbackData?: HookCallbackData): ServiceResult {
    return true;
  }
  nodeScheduleFail(_data: DataObject, _parentData: DataObject, _callbackData?: HookCallbackData): ServiceResult {
    return true;
  }
  nodeFinish(_data: DataObject, _parentData: DataObject, _callbackData?: HookCallbackData): ServiceResult {
    return true;
  }
  prePauseNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postPauseNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preResumeNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postResumeNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preRetryNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postRetryNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preSkipNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postSkipNode(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preForcedFailActivity(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  postForcedFailActivity(_data: DataObject, _parentData: DataObject): ServiceResult {
    return true;
  }
  preCallback(_data: DataObject, _parentData: DataObject, _callbackData?: HookCallbackData): ServiceResult {
    return true;
  }
  postCallback(_data: DataObject, _parentData: DataObject, _callbackData?: HookCallbackData): ServiceResult {
    return true;
  }
}
