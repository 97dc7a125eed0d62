import { setOwn } from './clone-json';

// Context keys are `${identifier}`, so a key derived from a node id can only sit inside an
// identifier-shaped run of characters.
const IDENTIFIER_RUN = /[A-Za-z0-9_]+/g;

/**
 * Rewrites context keys derived from node ids inside free text. Preparation names the context
 * value of a lazy input `k` of node `n` `${k_n}` (spec 04 §3), and templates, outputs or
 * pre-render keys may refer to it; when `n` gets a new id those references must follow.
 * For `k_n` the longest suffix after an underscore that is a known node id is replaced.
 */
export function rewriteDerivedKeys(text: string, nodeIdMap: ReadonlyMap<string, string>): string {
  // Trees come from outside: tolerate a non-string where a string belongs and leave it to validation.
  if (typeof text !== 'string' || nodeIdMap.size === 0 || !text.includes('_')) return text;
  return text.replace(IDENTIFIER_RUN, (run) => {
    for (let at = run.indexOf('_'); at >= 0; at = run.indexOf('_', at + 1)) {
      const renamed = nodeIdMap.get(run.slice(at + 1));
      if (renamed !== undefined) return run.slice(0, at + 1) + renamed;
    }
    return run;
  });
}

/** Copies a JSON value, rewriting derived keys in every string and object key it holds. */
export function rewriteDerivedKeysDeep(value: unknown, nodeIdMap: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return rewriteDerivedKeys(value, nodeIdMap);
  if (Array.isArray(value)) return value.map((item: unknown) => rewriteDerivedKeysDeep(item, nodeIdMap));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(copy, rewriteDerivedKeys(key, nodeIdMap), rewriteDerivedKeysDeep(item, nodeIdMap));
    }
    return copy;
  }
  return value;
}
