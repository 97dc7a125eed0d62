import type { ContextValue } from '../runtime/runtime-records';

/** A plain context value as nodes write them (spec 04 §2 "upsert plain"). */
export function plainValue(key: string, value: unknown): ContextValue {
  return { key, type: 'PLAIN', value, references: [] };
}

/**
 * Extraction of spec 04 §7.2: every mapped output key present in `outputs` is written to each of
 * its context keys as a plain value; absent output keys leave the context unchanged.
 */
export function extractOutputs(mapping: Record<string, string[]>, outputs: Record<string, unknown>): ContextValue[] {
  const values: ContextValue[] = [];
  for (const [outputKey, contextKeys] of Object.entries(mapping)) {
    if (!Object.prototype.hasOwnProperty.call(outputs, outputKey)) continue;
    for (const contextKey of contextKeys) values.push(plainValue(contextKey, outputs[outputKey]));
  }
  return values;
}

/**
 * Loop-enabled nodes append one element per iteration to the list under `outputsKey` (spec 04
 * §7.4) instead of using the mapping.
 */
export function appendLoopOutput(
  outputsKey: string,
  existing: unknown,
  outputs: Record<string, unknown>,
): ContextValue {
  const list = Array.isArray(existing) ? [...(existing as unknown[])] : [];
  const element = outputs.outputs;
  const base = element !== null && typeof element === 'object' && !Array.isArray(element) ? element : {};
  list.push({ ...base, result: outputs._result, inner_loop: outputs._inner_loop });
  return plainValue(outputsKey, list);
}
