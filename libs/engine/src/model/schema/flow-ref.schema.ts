import { at, describeValue, expectString, fail, field, type JsonObject } from './schema-checks';

/** `incoming` of every node but the start: a list of flow ids, one flow id, or `""`/null (spec 02). */
export function checkIncoming(node: JsonObject, path: string): void {
  const value = field(node, 'incoming', path);
  const valuePath = at(path, 'incoming');
  if (value === null || typeof value === 'string') return;
  if (!Array.isArray(value)) fail(valuePath, `expected a flow id or a list of flow ids, got ${describeValue(value)}`);
  value.forEach((item, index) => expectString(item, at(valuePath, index)));
}

/** A key that must hold "no flow": `""` (what the builder emits), an empty list or null. */
export function checkNoFlow(node: JsonObject, key: 'incoming' | 'outgoing', path: string): void {
  const value = field(node, key, path);
  const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
  if (!empty) fail(at(path, key), `expected "" (no flow), got ${JSON.stringify(value)}`);
}

/** `outgoing` of start, activities and converge gateways: exactly one flow id as a string. */
export function checkSingleOutgoing(node: JsonObject, path: string): void {
  expectString(field(node, 'outgoing', path), at(path, 'outgoing'));
}

/** `outgoing` of diverging gateways: an ordered list of flow ids. */
export function checkOutgoingList(node: JsonObject, path: string): string[] {
  const value = field(node, 'outgoing', path);
  const valuePath = at(path, 'outgoing');
  if (!Array.isArray(value)) fail(valuePath, `expected a list of flow ids, got ${describeValue(value)}`);
  value.forEach((item, index) => expectString(item, at(valuePath, index)));
  return value as string[];
}
