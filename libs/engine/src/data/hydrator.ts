import type { ComponentCatalog } from '../component';
import { renderTemplate } from '../expression';
import { referencesOf } from './references';
import type { ContextValue } from '../runtime/runtime-records';
import { deformatKey } from './context-keys';
import { HydrationError } from './hydration.error';

export interface HydrationEnv {
  catalog: ComponentCatalog;
  pipelineData: Record<string, unknown>;
  innerLoop: number;
}

/**
 * Turns context values into plain values (spec 04 §4). Each key is computed once per hydration
 * (memoised, so two references to one lazy value agree) and a key met again while it is being
 * resolved is a reference cycle. Returns `{ '${key}': value }`.
 */
export function hydrate(values: ContextValue[], env: HydrationEnv): Record<string, unknown> {
  const byKey = new Map(values.map((value) => [value.key, value]));
  const memo = new Map<string, unknown>();
  const resolving: string[] = [];

  const resolve = (key: string): unknown => {
    if (memo.has(key)) return memo.get(key);
    if (resolving.includes(key)) {
      throw new HydrationError(`reference cycle: ${[...resolving.slice(resolving.indexOf(key)), key].join(' -> ')}`);
    }
    const value = byKey.get(key)!;
    resolving.push(key);
    const result = compute(value);
    resolving.pop();
    memo.set(key, result);
    return result;
  };

  const compute = (value: ContextValue): unknown => {
    if (value.type === 'PLAIN') return value.value;
    const map: Record<string, unknown> = {};
    for (const ref of referencesOf(value.value)) {
      if (byKey.has(ref)) map[deformatKey(ref)] = resolve(ref);
    }
    const rendered = renderTemplate(value.value, map);
    if (value.type === 'SPLICE') return rendered;
    return computeLazy(value, rendered, map, env);
  };

  const out: Record<string, unknown> = {};
  for (const key of byKey.keys()) out[key] = resolve(key);
  return out;
}

function computeLazy(
  value: ContextValue,
  rendered: unknown,
  context: Record<string, unknown>,
  env: HydrationEnv,
): unknown {
  const definition = value.code ? env.catalog.findLazyVariable(value.code) : undefined;
  if (!definition) throw new HydrationError(`lazy variable ${value.code ?? ''} is not registered`);
  try {
    return definition.getValue({ value: rendered, context, pipelineData: env.pipelineData, innerLoop: env.innerLoop });
  } catch (error) {
    throw new HydrationError(`${value.key}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
