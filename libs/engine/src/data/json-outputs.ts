/**
 * Outputs are stored as JSON only (spec 07 §2.5): `Date` becomes an ISO string, `bigint` a
 * decimal string; anything else that JSON cannot carry makes the call fail.
 */
export class OutputsNotSerializableError extends Error {
  constructor(readonly key: string) {
    super(`outputs not serializable: ${key}`);
  }
}

function toJson(value: unknown, key: string, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') throw new OutputsNotSerializableError(key);
  if (seen.has(value)) throw new OutputsNotSerializableError(key);
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toJson(item, key, seen));
    // Plain objects from any realm (structured clones, other vm contexts) have a prototype whose own prototype is null.
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new OutputsNotSerializableError(key);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toJson(v, key, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A JSON-safe copy of `outputs`; throws `OutputsNotSerializableError` naming the first bad key. */
export function toJsonOutputs(outputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outputs)) {
    if (value !== undefined) out[key] = toJson(value, key, new Set());
  }
  return out;
}
