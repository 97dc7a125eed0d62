import { ACTIVITY_TYPES, TIMEOUT_ACTIONS } from '../pipeline-tree';
import { checkIncoming, checkSingleOutgoing } from './flow-ref.schema';
import type { SchemaContext } from './schema-context';
import {
  at,
  expectBoolean,
  expectInteger,
  expectKeyedId,
  expectNonEmptyString,
  expectObject,
  expectOneOf,
  expectString,
  fail,
  field,
  has,
  optionalName,
  type JsonObject,
} from './schema-checks';
import { checkVariableMap } from './variable.schema';

/** One entry of `activities` (spec 02 §3, spec 05 §2 rules 5–7). */
export function checkActivity(key: string, value: unknown, path: string, ctx: SchemaContext): void {
  const node = expectObject(value, path);
  const id = expectKeyedId(node, key, path);
  const type = expectOneOf(field(node, 'type', path), ACTIVITY_TYPES, at(path, 'type'));
  optionalName(node, path);
  checkIncoming(node, path);
  checkSingleOutgoing(node, path);
  if (type === 'ServiceActivity') checkServiceActivity(node, path);
  else checkSubProcess(id, node, path, ctx);
}

function checkServiceActivity(node: JsonObject, path: string): void {
  const componentPath = at(path, 'component');
  const component = expectObject(field(node, 'component', path), componentPath);
  expectNonEmptyString(field(component, 'code', componentPath), at(componentPath, 'code'));
  if (has(component, 'version')) expectString(component.version, at(componentPath, 'version'));
  checkVariableMap(field(component, 'inputs', componentPath), at(componentPath, 'inputs'));
  for (const flag of ['error_ignorable', 'skippable', 'retryable']) {
    expectBoolean(field(node, flag, path), at(path, flag));
  }
  if (has(node, 'loop_config') && node.loop_config !== null) checkLoopConfig(node.loop_config, at(path, 'loop_config'));
  if (has(node, 'timeout_config') && node.timeout_config !== null) {
    checkTimeoutConfig(node.timeout_config, at(path, 'timeout_config'));
  }
}

function checkLoopConfig(value: unknown, path: string): void {
  const config = expectObject(value, path);
  const enabled = expectBoolean(field(config, 'enable', path), at(path, 'enable'));
  if (!enabled || !has(config, 'loop_times')) return;
  const times = expectInteger(config.loop_times, at(path, 'loop_times'));
  if (times < 1) fail(at(path, 'loop_times'), `expected an integer >= 1, got ${times}`);
}

// Editors send a disabled timeout_config with placeholder values: only an enabled one must be usable.
function checkTimeoutConfig(value: unknown, path: string): void {
  const config = expectObject(value, path);
  if (!has(config, 'enable')) return;
  if (!expectBoolean(config.enable, at(path, 'enable'))) return;
  expectOneOf(field(config, 'action', path), TIMEOUT_ACTIONS, at(path, 'action'));
  const seconds = expectInteger(field(config, 'seconds', path), at(path, 'seconds'));
  if (seconds < 1) fail(at(path, 'seconds'), `expected an integer >= 1, got ${seconds}`);
}

function checkSubProcess(id: string, node: JsonObject, path: string, ctx: SchemaContext): void {
  checkVariableMap(field(node, 'params', path), at(path, 'params'));
  const pipelinePath = at(path, 'pipeline');
  const pipeline = ctx.checkNested(field(node, 'pipeline', path), pipelinePath);
  // The nested context, state and outputs are keyed by this id: a mismatch silently loses them (spec 02 §7).
  if (pipeline.id !== id) {
    fail(at(pipelinePath, 'id'), `nested pipeline id "${pipeline.id}" must equal the SubProcess id "${id}"`);
  }
}
