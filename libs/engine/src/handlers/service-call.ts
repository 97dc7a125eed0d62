import type { NodeEventData, PipelineEventDataMap } from '@bamboo/signals';
import type {
  CallbackRecord,
  ComponentDefinition,
  ComponentHookName,
  ComponentService,
  DataRecord,
} from '../component';
import { DataObject } from '../component';
import type { EngineTiming } from '../runtime/engine-observer.port';
import type { ServiceActivityDefinition } from '../runtime/node-definition';
import type { EngineServices } from '../process/engine-services';
import { componentTypeLabel } from '../process/observation';
import { publishPipelineEvent, publishSignal } from '../process/signal-publishing';

/** Engine hook events of one service call whose data is just the node's ids (spec 08 §4). */
export type NodeEventType = {
  [T in keyof PipelineEventDataMap]: PipelineEventDataMap[T] extends NodeEventData
    ? NodeEventData extends PipelineEventDataMap[T]
      ? T
      : never
    : never;
}[keyof PipelineEventDataMap];

/** Hooks that receive the stored callback record on the schedule path (spec 08 §3.2). */
const CALLBACK_HOOKS: ReadonlySet<ComponentHookName> = new Set([
  'nodeScheduleException',
  'nodeScheduleFail',
  'nodeFinish',
]);

/** `ex_data` of a ServiceActivity whose component is not in the catalog (spec 07 §4). */
export function missingComponentText(node: ServiceActivityDefinition): string {
  return `component ${node.component.code}@${node.component.version || 'legacy'} does not exist`;
}

/** One service invocation's surroundings: definition, fresh instance, data objects, hooks, events. */
export class ServiceCall {
  private constructor(
    readonly definition: ComponentDefinition,
    readonly service: ComponentService,
    readonly data: DataObject,
    readonly parentData: DataObject,
    private readonly node: ServiceActivityDefinition,
    private readonly services: EngineServices,
    private readonly callbackRecord: CallbackRecord | null,
  ) {}

  static async open(args: {
    node: ServiceActivityDefinition;
    services: EngineServices;
    rootPipelineData: DataRecord;
    data: DataObject;
    attrs: { version: string; topPipelineId: string; rootPipelineId: string; loop: number; innerLoop: number };
    /** The stored callback record this schedule call handles (schedule path only). */
    callbackRecord?: CallbackRecord | null;
  }): Promise<ServiceCall | undefined> {
    const { node, services } = args;
    const definition = services.catalog.findComponent(node.component.code, node.component.version);
    if (!definition) return undefined;
    const service = await definition.createService(node.name);
    const meta = { nodeId: node.id, version: args.attrs.version, pipelineId: args.attrs.rootPipelineId };
    service.setupRuntimeAttrs({
      id: node.id,
      ...args.attrs,
      logger: {
        debug: (message) => services.logger.debug(message, meta),
        info: (message) => services.logger.info(message, meta),
        warn: (message) => services.logger.warn(message, meta),
        error: (message) => services.logger.error(message, meta),
      },
      clock: { now: () => services.clock.now().getTime() },
    });
    const parentData = new DataObject({ ...args.rootPipelineData }, {});
    const record = args.callbackRecord ?? null;
    return new ServiceCall(definition, service, args.data, parentData, node, services, record);
  }

  /**
   * Runtime hook event (`pipeline_event`) with the node's ids. Published at once, like the
   * original's hook methods: these events sit between user-code calls outside any transaction
   * (the RUNNING state is already committed), and `pre_service_execute` must not overtake them.
   */
  event(eventType: NodeEventType): Promise<void> {
    return publishPipelineEvent(this.services, eventType, this.ids());
  }

  /** `node_execute_exception` / `node_schedule_exception` with the stack trace. */
  exceptionEvent(eventType: 'node_execute_exception' | 'node_schedule_exception', exData: string): Promise<void> {
    return publishPipelineEvent(this.services, eventType, { ...this.ids(), ex_data: exData });
  }

  /** `pre_service_execute`, just before the component's `execute` (spec 08 §2). */
  beforeExecute(): Promise<void> {
    return publishSignal(this.services, {
      name: 'pre_service_execute',
      payload: { service: this.service, data: this.data, parent_data: this.parentData },
    });
  }

  /** `pre_service_schedule`, just before the component's `schedule` (spec 08 §2). */
  beforeSchedule(): Promise<void> {
    return publishSignal(this.services, {
      name: 'pre_service_schedule',
      payload: {
        service: this.service,
        data: this.data,
        parent_data: this.parentData,
        callback_data: this.callbackRecord,
      },
    });
  }

  /**
   * A component hook, only when the component opted in (spec 08 §3). Never changes the outcome;
   * its changes to `data` are kept ("saved") only when it returns true or nothing — a hook that
   * returns false or throws leaves the data as it was before the hook.
   */
  async hook(name: ComponentHookName): Promise<void> {
    if (!this.definition.needRunHook) return;
    const hook = this.service[name];
    if (!hook) return;
    const before = { inputs: snapshot(this.data.inputs), outputs: snapshot(this.data.outputs) };
    let keep: boolean;
    try {
      const args = CALLBACK_HOOKS.has(name) ? [this.callbackRecord] : [];
      const result: unknown = await hook.call(this.service, this.data, this.parentData, ...args);
      keep = isSuccess(result);
    } catch (error) {
      this.services.logger.warn(`hook ${name} failed`, { nodeId: this.node.id, error: String(error) });
      keep = false;
    }
    if (keep) return;
    this.data.inputs = before.inputs;
    this.data.outputs = before.outputs;
  }

  /** Spec 08 §7.1 counters: `failed` when the component returned false or threw, `exception` when it threw. */
  countFailure(phase: 'execute' | 'schedule', threw: boolean): void {
    const labels = { type: componentTypeLabel(this.node.component) };
    this.services.observer.count(`engine_${phase}_failed_count`, labels);
    if (threw) this.services.observer.count(`engine_${phase}_exception_count`, labels);
  }

  /** A handler preparation/completion duration (spec 08 §7.1, `type` = the node type as is). */
  observe(name: EngineTiming, seconds: number): void {
    this.services.observer.observe(name, seconds, { type: this.node.type });
  }

  private ids(): NodeEventData {
    return { root_pipeline_id: this.node.rootPipelineId, node_id: this.node.id };
  }
}

/** A deep copy to restore after a hook; values structured clone refuses (functions) are kept shallowly. */
function snapshot(record: DataRecord): DataRecord {
  try {
    return structuredClone(record);
  } catch {
    return { ...record };
  }
}

/** `undefined`/`null` count as success; any other falsy result is a failure (spec 03 §4.2 step 5). */
export function isSuccess(result: unknown): boolean {
  return result === undefined || result === null || Boolean(result);
}
