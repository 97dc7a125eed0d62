import type { SignalMap, SignalName } from './signal-map';

/** The JSON record published for out-of-process consumers (spec 08 §6.4, `SIGNALS_EXPORT`). */
export interface SignalEnvelope<K extends SignalName = SignalName> {
  signal: K;
  payload: unknown;
  emitted_at: string;
  hostname: string;
}

export interface ReducedObject {
  class: string;
  message: string | null;
}

function className(value: object): string {
  return (value.constructor as { name?: string } | undefined)?.name || 'Object';
}

function isErrorLike(value: object): value is { name?: unknown; message: string } {
  return value instanceof Error || typeof (value as { message?: unknown }).message === 'string';
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype;
}

// Keys whose values are live objects (component instances) rather than data.
const OPAQUE_KEYS = new Set(['service']);

function reduce(value: unknown, key: string | undefined, seen: WeakSet<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol' || value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[Circular]';
  if (isErrorLike(value) && !isPlain(value)) return { class: className(value), message: value.message };
  if (key !== undefined && OPAQUE_KEYS.has(key)) return { class: className(value), message: null };
  seen.add(value);
  const result: unknown = Array.isArray(value)
    ? value.map((item) => reduce(item, undefined, seen))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reduce(v, k, seen)]));
  seen.delete(value);
  return result;
}

/**
 * Builds the export record of one signal: JSON-safe, with services and exceptions reduced to
 * `{class, message}` so that consumers never see live objects. The host supplies its hostname.
 */
export function toSignalEnvelope<K extends SignalName>(
  signal: K,
  payload: SignalMap[K],
  hostname: string,
  emittedAt: Date = new Date(),
): SignalEnvelope<K> {
  return { signal, payload: reduce(payload, undefined, new WeakSet()), emitted_at: emittedAt.toISOString(), hostname };
}
