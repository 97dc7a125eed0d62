import type { ComponentDefinition, ComponentService, DataRecord } from '@bamboo/engine';
import type { ComponentMeta } from '../component-meta';
import { checkServiceInputs, createIntervalFor, instantiateService, type Service, type ServiceClass } from '../service';

/** Builds service instances; a DI container replaces the default `new Cls(nodeName)`. */
export type ServiceFactory = (nodeName: string | null) => Service | Promise<Service>;

/** What the registry keeps per `(code, version)`. */
export interface RegisteredComponent {
  meta: ComponentMeta;
  serviceClass: ServiceClass;
  definition: ComponentDefinition;
}

/**
 * Adapts a decorated service class to the engine's `ComponentDefinition`. Flags are read from the
 * class on every access so that a subclass overriding a static after decoration is still honoured.
 */
export function createComponentDefinition(
  serviceClass: ServiceClass,
  meta: ComponentMeta,
  factory?: ServiceFactory,
): ComponentDefinition {
  const build: ServiceFactory = factory ?? ((nodeName) => instantiateService(serviceClass, nodeName));
  return {
    code: meta.code,
    version: meta.version,
    name: meta.name,
    get needSchedule() {
      return serviceClass.needSchedule;
    },
    get multiCallbackEnabled() {
      return serviceClass.multiCallbackEnabled;
    },
    get needRunHook() {
      return serviceClass.needRunHook;
    },
    createInterval: () => createIntervalFor(serviceClass),
    createService: (nodeName?: string | null): ComponentService | Promise<ComponentService> => build(nodeName ?? null),
    checkInputs: async (inputs: DataRecord) => checkServiceInputs(await build(null), inputs),
  };
}
