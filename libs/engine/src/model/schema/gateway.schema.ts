import { GATEWAY_TYPES } from '../pipeline-tree';
import { checkIncoming, checkOutgoingList, checkSingleOutgoing } from './flow-ref.schema';
import {
  at,
  expectKeyedId,
  expectObject,
  expectOneOf,
  expectString,
  fail,
  field,
  has,
  optionalName,
  type JsonObject,
} from './schema-checks';

/** One entry of `gateways` (spec 02 §4, spec 05 §2 rules 5 and 8). */
export function checkGateway(key: string, value: unknown, path: string): void {
  const node = expectObject(value, path);
  expectKeyedId(node, key, path);
  const type = expectOneOf(field(node, 'type', path), GATEWAY_TYPES, at(path, 'type'));
  optionalName(node, path);
  checkIncoming(node, path);
  if (type === 'ConvergeGateway') {
    checkSingleOutgoing(node, path);
    return;
  }
  const outgoing = checkOutgoingList(node, path);
  if (has(node, 'converge_gateway_id') && node.converge_gateway_id !== null) {
    expectString(node.converge_gateway_id, at(path, 'converge_gateway_id'));
  }
  if (type === 'ParallelGateway') return;
  checkConditions(node, outgoing, path);
  checkDefaultCondition(node, outgoing, path);
  if (has(node, 'extra_info') && node.extra_info !== null) expectObject(node.extra_info, at(path, 'extra_info'));
}

function checkConditions(node: JsonObject, outgoing: string[], path: string): void {
  const conditionsPath = at(path, 'conditions');
  const conditions = expectObject(field(node, 'conditions', path), conditionsPath);
  for (const [flowId, value] of Object.entries(conditions)) {
    const conditionPath = at(conditionsPath, flowId);
    if (!outgoing.includes(flowId)) fail(conditionPath, 'condition key is not one of the outgoing flows');
    const condition = expectObject(value, conditionPath);
    expectString(field(condition, 'evaluate', conditionPath), at(conditionPath, 'evaluate'));
  }
}

function checkDefaultCondition(node: JsonObject, outgoing: string[], path: string): void {
  if (!has(node, 'default_condition') || node.default_condition === null) return;
  const defaultPath = at(path, 'default_condition');
  const defaultCondition = expectObject(node.default_condition, defaultPath);
  if (!has(defaultCondition, 'flow_id')) return;
  const flowId = expectString(defaultCondition.flow_id, at(defaultPath, 'flow_id'));
  if (!outgoing.includes(flowId)) fail(at(defaultPath, 'flow_id'), 'default flow is not one of the outgoing flows');
}
