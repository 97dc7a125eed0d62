/**
 * Deep copy of a JSON-like value that keeps object key order (gateways, conditions and outgoing
 * order are significant, spec 02). Non-plain objects (class instances, functions) are shared, not
 * copied: trees are JSON, anything else is left for the schema check to reject or ignore.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) copy[key] = cloneJson(item);
    return copy as T;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
