import { SchemaValidateError } from '../schema-validate.error';

/** Small typed assertions; each throws `SchemaValidateError` naming the path of the bad field. */

export type JsonObject = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_ID_LENGTH = 33;

export function fail(path: string, reason: string): never {
  throw new SchemaValidateError(path || '(root)', reason);
}

export function at(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) fail(path, `expected an object, got ${describeValue(value)}`);
  return value;
}

/** Reads a required key; a missing key is reported at the key's own path. */
export function field(obj: JsonObject, key: string, path: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(obj, key) || obj[key] === undefined) {
    fail(at(path, key), 'required key is missing');
  }
  return obj[key];
}

export function has(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

export function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, `expected a string, got ${describeValue(value)}`);
  return value;
}

export function expectNonEmptyString(value: unknown, path: string): string {
  const text = expectString(value, path);
  if (text === '') fail(path, 'expected a non-empty string');
  return text;
}

export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${describeValue(value)}`);
  return value;
}

export function expectInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    fail(path, `expected an integer, got ${describeValue(value)}`);
  }
  return value;
}

export function expectStringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) fail(path, `expected a list of strings, got ${describeValue(value)}`);
  value.forEach((item, index) => expectString(item, at(path, index)));
  return value as string[];
}

export function expectOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `expected one of ${allowed.join('|')}, got ${JSON.stringify(value) ?? 'undefined'}`);
  }
  return value as T;
}

export function optionalBoolean(obj: JsonObject, key: string, path: string): void {
  if (has(obj, key)) expectBoolean(obj[key], at(path, key));
}

/** `name` is display-only: a string or null when present. */
export function optionalName(obj: JsonObject, path: string): void {
  if (has(obj, 'name') && obj.name !== null) expectString(obj.name, at(path, 'name'));
}

/** Ids of spec 01 §2: at most 33 characters of `[A-Za-z0-9_-]`. */
export function expectId(value: unknown, path: string): string {
  const id = expectNonEmptyString(value, path);
  if (id.length > MAX_ID_LENGTH) fail(path, `id ${JSON.stringify(id)} is longer than ${MAX_ID_LENGTH} characters`);
  if (!ID_PATTERN.test(id)) fail(path, `id ${JSON.stringify(id)} has characters outside [A-Za-z0-9_-]`);
  return id;
}

/** A map entry's key must equal the entry's `id` (spec 05 §2 rule 3). */
export function expectKeyedId(obj: JsonObject, key: string, path: string): string {
  const id = expectId(field(obj, 'id', path), at(path, 'id'));
  if (id !== key) fail(at(path, 'id'), `id ${JSON.stringify(id)} differs from its map key`);
  return id;
}
