import { createRequire } from 'node:module';
import * as path from 'node:path';
import { getComponentMeta } from '../component-meta';
import { ComponentModuleLoadError } from '../errors';
import type { EndEventClass } from '../extensions/executable-end-event';
import { getEndEventMeta, getVariableMeta } from '../extensions/extension-meta';
import type { LazyVariableClass } from '../extensions/lazy-variable';
import type { ServiceClass } from '../service';
import type { ComponentRegistry } from './component-registry';
import { defaultRegistry } from './default-registry';

export interface LoadComponentModulesOptions {
  /** Base for relative paths and package resolution; defaults to the process working directory. */
  cwd?: string;
  /** The `require` to use (tests pass jest's so that TypeScript fixtures load). */
  requireFn?: (id: string) => unknown;
}

export interface LoadedComponentModule {
  specifier: string;
  /** `code@version` of every component class the module exports. */
  components: string[];
  variables: string[];
  endEvents: string[];
}

/** Splits `BAMBOO_COMPONENT_MODULES` (comma-separated paths or package names). */
export function parseComponentModules(value: string | undefined | null): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isPathLike(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}

function exportedValues(moduleExports: unknown): unknown[] {
  if (moduleExports === null || moduleExports === undefined) return [];
  if (typeof moduleExports === 'function') return [moduleExports];
  if (typeof moduleExports !== 'object') return [];
  return Object.values(moduleExports as Record<string, unknown>);
}

/**
 * Loads component modules so that their decorators register (spec 00 `BAMBOO_COMPONENT_MODULES`).
 * Decorators always register into the default registry; when another registry is given, the
 * classes a module exports are registered there too. A failing module aborts with an error naming it,
 * since starting without a configured component would fail pipelines much later.
 */
export function loadComponentModules(
  specifiers: string[],
  registry: ComponentRegistry = defaultRegistry,
  options: LoadComponentModulesOptions = {},
): LoadedComponentModule[] {
  const cwd = options.cwd ?? process.cwd();
  const load = options.requireFn ?? createRequire(path.join(cwd, 'bamboo-component-loader.js'));
  return specifiers.map((specifier) => {
    const id = isPathLike(specifier) ? path.resolve(cwd, specifier) : specifier;
    let moduleExports: unknown;
    try {
      moduleExports = load(id);
    } catch (error) {
      throw new ComponentModuleLoadError(specifier, error);
    }
    const loaded: LoadedComponentModule = { specifier, components: [], variables: [], endEvents: [] };
    for (const value of exportedValues(moduleExports)) {
      const component = getComponentMeta(value);
      if (component && !component.registerIgnore) {
        registry.register(value as ServiceClass);
        loaded.components.push(`${component.code}@${component.version}`);
      }
      const variable = getVariableMeta(value);
      if (variable && !variable.registerIgnore) {
        registry.registerVariable(value as LazyVariableClass);
        loaded.variables.push(variable.code);
      }
      const endEvent = getEndEventMeta(value);
      if (endEvent && !endEvent.registerIgnore) {
        registry.registerEndEvent(value as EndEventClass);
        loaded.endEvents.push(endEvent.type);
      }
    }
    return loaded;
  });
}
