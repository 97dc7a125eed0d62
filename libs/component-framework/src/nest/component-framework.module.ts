import { type DynamicModule, Module, type ModuleMetadata, type Provider, Scope } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { defaultRegistry } from '../registry/default-registry';
import { ComponentRegistry } from '../registry/component-registry';
import type { Service, ServiceClass } from '../service';

/** Injection token of the registry (the engine's `ComponentCatalog`). */
export const COMPONENT_REGISTRY = Symbol('BAMBOO_COMPONENT_REGISTRY');

export interface ComponentFrameworkModuleOptions {
  /** `@Component` classes to build through Nest, so their constructors can inject providers. */
  components?: ServiceClass[];
  /** Registry to fill and expose; the process-wide default registry when omitted. */
  registry?: ComponentRegistry;
  /** Modules exporting what the components inject. */
  imports?: ModuleMetadata['imports'];
  /** Extra providers the components inject. */
  providers?: Provider[];
  /** Expose the registry to the whole application (default true). */
  global?: boolean;
}

/**
 * Nest integration of the component framework (spec 07 §8.1 rules 2–3): components are TRANSIENT
 * providers, and the registry's definitions obtain a new instance per call through
 * `ModuleRef.resolve`, so constructor injection works and no state leaks between calls.
 */
@Module({})
export class ComponentFrameworkModule {
  static forRoot(options: ComponentFrameworkModuleOptions = {}): DynamicModule {
    const components = options.components ?? [];
    const registry = options.registry ?? defaultRegistry;
    const registryProvider: Provider = {
      provide: COMPONENT_REGISTRY,
      inject: [ModuleRef],
      // Registering in the factory means nobody can see the registry before the DI factories are in.
      useFactory: (moduleRef: ModuleRef): ComponentRegistry => {
        for (const component of components) {
          registry.register(component, {
            createService: async (nodeName) => {
              const service = await moduleRef.resolve<Service>(component, undefined, { strict: true });
              service.name = nodeName;
              return service;
            },
          });
        }
        return registry;
      },
    };
    return {
      module: ComponentFrameworkModule,
      global: options.global ?? true,
      imports: options.imports ?? [],
      providers: [
        ...components.map((component) => ({ provide: component, useClass: component, scope: Scope.TRANSIENT })),
        ...(options.providers ?? []),
        registryProvider,
        { provide: ComponentRegistry, useExisting: COMPONENT_REGISTRY },
      ],
      exports: [COMPONENT_REGISTRY, ComponentRegistry],
    };
  }
}
