import { referencesOf } from '../../data/references';
import type { ContextValue } from '../../runtime/runtime-records';

/**
 * Recomputes the stored transitive `references` of every templated value of one pipeline scope
 * after values changed (spec 06 A.20 `update_context_values`). Plain values render as they are,
 * so they keep `[]`.
 */
export function withTransitiveReferences(values: ContextValue[]): ContextValue[] {
  const direct = new Map(values.map((value) => [value.key, value.type === 'PLAIN' ? [] : referencesOf(value.value)]));
  return values.map((value) => ({ ...value, references: closure(value.key, direct) }));
}

function closure(key: string, direct: Map<string, string[]>): string[] {
  const seen = new Set<string>();
  const queue = [...(direct.get(key) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(direct.get(next) ?? []));
  }
  return [...seen];
}
