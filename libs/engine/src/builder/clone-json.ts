import { setOwn } from '../model/clone-json';

export { setOwn };

/**
 * Deep copy of a JSON-like value, so trees built or regenerated never share objects with the
 * caller's templates (mutating a run's tree must not change the template).
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, cloneJson(item));
    return copy as T;
  }
  return value;
}
