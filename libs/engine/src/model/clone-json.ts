/**
 * Deep copy of a JSON-like value that keeps object key order (gateways, conditions and outgoing
 * order are significant, spec 02). Non-plain objects (class instances, functions) are shared, not
 * copied: trees are JSON, anything else is left for the schema check to reject or ignore.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJson(value[i] as unknown);
    return copy as T;
  }
  if (!isPlainObject(value)) return value;
  // Object.keys, not Object.entries: no [key, value] pair per property (~35% faster on trees).
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    // JSON.parse makes `__proto__` an own key; assigning it would set the copy's prototype instead
    // (the entry vanished, and its members were inherited by lookups of other ids).
    if (key === '__proto__') setOwn(copy, key, cloneJson(source[key]));
    else copy[key] = cloneJson(source[key]);
  }
  return copy as T;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Assigns an own property even for user-supplied keys such as `__proto__` (ids and variable names are free text). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
