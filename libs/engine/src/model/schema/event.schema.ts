import { EMPTY_END_EVENT_TYPE, START_EVENT_TYPE } from '../pipeline-tree';
import { checkIncoming, checkNoFlow, checkSingleOutgoing } from './flow-ref.schema';
import type { SchemaContext } from './schema-context';
import {
  at,
  expectId,
  expectNonEmptyString,
  expectObject,
  expectOneOf,
  fail,
  field,
  optionalName,
} from './schema-checks';

export function checkStartEvent(value: unknown, path: string): void {
  const node = expectObject(value, path);
  expectId(field(node, 'id', path), at(path, 'id'));
  expectOneOf(field(node, 'type', path), [START_EVENT_TYPE], at(path, 'type'));
  optionalName(node, path);
  checkNoFlow(node, 'incoming', path);
  checkSingleOutgoing(node, path);
}

export function checkEndEvent(value: unknown, path: string, ctx: SchemaContext): void {
  const node = expectObject(value, path);
  expectId(field(node, 'id', path), at(path, 'id'));
  const type = expectNonEmptyString(field(node, 'type', path), at(path, 'type'));
  if (ctx.sinkTypes && type !== EMPTY_END_EVENT_TYPE && !ctx.sinkTypes.has(type)) {
    const known = [EMPTY_END_EVENT_TYPE, ...ctx.sinkTypes].join('|');
    fail(at(path, 'type'), `expected one of ${known} (register custom end events as sink types), got "${type}"`);
  }
  optionalName(node, path);
  checkIncoming(node, path);
  checkNoFlow(node, 'outgoing', path);
}
