import type { ComponentDefinition, ComponentHookName, ComponentService, DataRecord } from '../component';
import { DataObject } from '../component';
import type { ServiceActivityDefinition } from '../runtime/node-definition';
import type { EngineServices } from '../process/engine-services';
import type { StepEffects } from '../process/step-effects';

/** One service invocation's surroundings: definition, fresh instance, data objects, hooks, events. */
export class ServiceCall {
  private constructor(
    readonly definition: ComponentDefinition,
    readonly service: ComponentService,
    readonly data: DataObject,
    readonly parentData: DataObject,
    private readonly node: ServiceActivityDefinition,
    private readonly services: EngineServices,
    private readonly effects: StepEffects,
  ) {}

  static async open(args: {
    node: ServiceActivityDefinition;
    services: EngineServices;
    effects: StepEffects;
    rootPipelineData: DataRecord;
    data: DataObject;
    attrs: { version: string; topPipelineId: string; rootPipelineId: string; loop: number; innerLoop: number };
  }): Promise<ServiceCall | undefined> {
    const { node, services } = args;
    const definition = services.catalog.findComponent(node.component.code, node.component.version);
    if (!definition) return undefined;
    const service = await definition.createService(node.name);
    const meta = { nodeId: node.id, pipelineId: args.attrs.rootPipelineId };
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
    return new ServiceCall(definition, service, args.data, parentData, node, services, args.effects);
  }

  /** Runtime event (`pipeline_event`) with the node's ids. */
  event(eventType: string, extra: Record<string, unknown> = {}): void {
    this.effects.event(eventType, { root_pipeline_id: this.node.rootPipelineId, node_id: this.node.id, ...extra });
  }

  /** A component hook, only when the component opted in; never changes the outcome (spec 08 §3). */
  async hook(name: ComponentHookName, callbackData?: DataRecord | null): Promise<void> {
    if (!this.definition.needRunHook) return;
    const hook = this.service[name];
    if (!hook) return;
    try {
      const record = callbackData ? { id: '', node_id: this.node.id, version: '', data: callbackData } : null;
      await hook.call(this.service, this.data, this.parentData, record);
    } catch (error) {
      this.services.logger.warn(`hook ${name} failed`, { nodeId: this.node.id, error: String(error) });
    }
  }
}

/** `undefined`/`null` count as success; any other falsy result is a failure (spec 03 §4.2 step 5). */
export function isSuccess(result: unknown): boolean {
  return result === undefined || result === null || Boolean(result);
}
