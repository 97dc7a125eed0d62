import type { ComponentCatalog, ComponentDefinition, EndEventDefinition, LazyVariableDefinition } from '@bamboo/engine';
import { getComponentMeta, LEGACY_VERSION } from '../component-meta';
import { ComponentDeclarationError, ComponentNotExistError, DuplicateRegistrationError } from '../errors';
import type { EndEventClass } from '../extensions/executable-end-event';
import { getEndEventMeta, getVariableMeta } from '../extensions/extension-meta';
import type { LazyVariableClass } from '../extensions/lazy-variable';
import type { ServiceClass } from '../service';
import { createComponentDefinition, type RegisteredComponent, type ServiceFactory } from './component-definition';

interface RegisteredVariable {
  variableClass: LazyVariableClass;
  definition: LazyVariableDefinition;
}

interface RegisteredEndEvent {
  endEventClass: EndEventClass;
  definition: EndEventDefinition;
}

export interface RegisterOptions {
  /** Replaces `new Cls(nodeName)`, e.g. with a DI container's resolve. */
  createService?: ServiceFactory;
}

function versionOrLegacy(version: string | null | undefined): string {
  return version === undefined || version === null || version === '' ? LEGACY_VERSION : version;
}

/**
 * Everything user code registers: components keyed by `(code, version)`, lazy variables by code,
 * executable end events by type. Implements the engine's `ComponentCatalog`.
 */
export class ComponentRegistry implements ComponentCatalog {
  private readonly components = new Map<string, Map<string, RegisteredComponent>>();
  private readonly variables = new Map<string, RegisteredVariable>();
  private readonly endEventsByType = new Map<string, RegisteredEndEvent>();

  /**
   * Registers a `@Component` class. Registering the same class again only replaces its factory
   * (module re-imports, DI hosts); a different class on a taken `(code, version)` fails fast.
   */
  register(serviceClass: ServiceClass, options: RegisterOptions = {}): ComponentDefinition {
    const meta = getComponentMeta(serviceClass);
    if (!meta) {
      throw new ComponentDeclarationError(`${serviceClass.name} has no @Component declaration`, {
        className: serviceClass.name,
      });
    }
    const versions = this.components.get(meta.code) ?? new Map<string, RegisteredComponent>();
    const existing = versions.get(meta.version);
    if (existing && existing.serviceClass !== serviceClass) {
      throw new DuplicateRegistrationError(
        'component',
        `(code "${meta.code}", version "${meta.version}")`,
        existing.serviceClass.name,
        serviceClass.name,
      );
    }
    // Keep a DI factory installed earlier when the plain class is registered again (re-imports).
    if (existing && !options.createService) return existing.definition;
    const definition = createComponentDefinition(serviceClass, meta, options.createService);
    versions.set(meta.version, { meta, serviceClass, definition });
    this.components.set(meta.code, versions);
    return definition;
  }

  registerVariable(variableClass: LazyVariableClass): LazyVariableDefinition {
    const meta = getVariableMeta(variableClass);
    if (!meta) throw new ComponentDeclarationError(`${variableClass.name} has no @Variable declaration`);
    const existing = this.variables.get(meta.code);
    if (existing && existing.variableClass !== variableClass) {
      throw new DuplicateRegistrationError(
        'variable',
        `code "${meta.code}"`,
        existing.variableClass.name,
        variableClass.name,
      );
    }
    const definition: LazyVariableDefinition = {
      code: meta.code,
      name: meta.name,
      getValue: (args) => new variableClass(args).getValue(),
    };
    this.variables.set(meta.code, { variableClass, definition });
    return definition;
  }

  registerEndEvent(endEventClass: EndEventClass): EndEventDefinition {
    const meta = getEndEventMeta(endEventClass);
    if (!meta) throw new ComponentDeclarationError(`${endEventClass.name} has no @EndEvent declaration`);
    const existing = this.endEventsByType.get(meta.type);
    if (existing && existing.endEventClass !== endEventClass) {
      throw new DuplicateRegistrationError(
        'end event',
        `type "${meta.type}"`,
        existing.endEventClass.name,
        endEventClass.name,
      );
    }
    const definition: EndEventDefinition = {
      type: meta.type,
      execute: (pipelineStack, rootPipelineId) => new endEventClass().execute(pipelineStack, rootPipelineId),
    };
    this.endEventsByType.set(meta.type, { endEventClass, definition });
    return definition;
  }

  /** The service class of `(code, version)`; throws `ComponentNotExistError` when missing. */
  get(code: string, version?: string | null): ServiceClass {
    return this.entry(code, version).serviceClass;
  }

  entry(code: string, version?: string | null): RegisteredComponent {
    const resolved = versionOrLegacy(version);
    const found = this.components.get(code)?.get(resolved);
    if (!found) throw new ComponentNotExistError(code, resolved);
    return found;
  }

  has(code: string, version?: string | null): boolean {
    return this.components.get(code)?.has(versionOrLegacy(version)) ?? false;
  }

  codes(): string[] {
    return [...this.components.keys()];
  }

  versions(code: string): string[] {
    return [...(this.components.get(code)?.keys() ?? [])];
  }

  /** All registered service classes of all versions. */
  list(): ServiceClass[] {
    return this.entries().map((entry) => entry.serviceClass);
  }

  /** All registrations with their metadata (catalogue sync). */
  entries(): RegisteredComponent[] {
    return [...this.components.values()].flatMap((versions) => [...versions.values()]);
  }

  lazyVariables(): LazyVariableDefinition[] {
    return [...this.variables.values()].map((entry) => entry.definition);
  }

  // ---- ComponentCatalog --------------------------------------------------------------------------

  findComponent(code: string, version: string): ComponentDefinition | undefined {
    return this.components.get(code)?.get(versionOrLegacy(version))?.definition;
  }

  findLazyVariable(code: string): LazyVariableDefinition | undefined {
    return this.variables.get(code)?.definition;
  }

  findEndEvent(type: string): EndEventDefinition | undefined {
    return this.endEventsByType.get(type)?.definition;
  }

  endEventTypes(): string[] {
    return [...this.endEventsByType.keys()];
  }
}
