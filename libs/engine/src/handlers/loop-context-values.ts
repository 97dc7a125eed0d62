import { plainValue } from '../data/output-extractor';
import type { ContextValue } from '../runtime/runtime-records';

/**
 * Context values for output keys `_loop` / `_inner_loop` mapped by the node, so that templates see
 * this iteration's counters before the node's outputs are extracted (spec 04 §5 step 4).
 */
export function loopContextValues(
  mapping: Record<string, string[]>,
  counters: { _loop: number; _inner_loop?: number },
): ContextValue[] {
  const values: ContextValue[] = [];
  for (const [outputKey, value] of Object.entries(counters)) {
    if (value === undefined) continue;
    for (const contextKey of mapping[outputKey] ?? []) values.push(plainValue(contextKey, value));
  }
  return values;
}
