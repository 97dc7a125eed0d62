import { VARIABLE_TYPES } from '../pipeline-tree';
import {
  at,
  expectNonEmptyString,
  expectObject,
  expectOneOf,
  expectString,
  field,
  has,
  optionalBoolean,
  type JsonObject,
} from './schema-checks';

/** One variable object of `data.inputs`, `component.inputs` or `params` (spec 02 §6, spec 05 §2 rule 10). */
export function checkVariable(value: unknown, path: string): JsonObject {
  const variable = expectObject(value, path);
  const type = expectOneOf(field(variable, 'type', path), VARIABLE_TYPES, at(path, 'type'));
  field(variable, 'value', path);
  if (type === 'lazy') expectNonEmptyString(field(variable, 'custom_type', path), at(path, 'custom_type'));
  if (has(variable, 'source_act')) checkSourceAct(variable, path);
  optionalBoolean(variable, 'need_initialization', path);
  optionalBoolean(variable, 'is_param', path);
  optionalBoolean(variable, 'need_render', path);
  return variable;
}

export function checkVariableMap(value: unknown, path: string): void {
  const map = expectObject(value, path);
  for (const [key, variable] of Object.entries(map)) checkVariable(variable, at(path, key));
}

function checkSourceAct(variable: JsonObject, path: string): void {
  const sourceAct = variable.source_act;
  const actPath = at(path, 'source_act');
  if (typeof sourceAct === 'string') {
    expectString(field(variable, 'source_key', path), at(path, 'source_key'));
    return;
  }
  if (!Array.isArray(sourceAct)) {
    expectString(sourceAct, actPath);
    return;
  }
  sourceAct.forEach((item, index) => {
    const refPath = at(actPath, index);
    const ref = expectObject(item, refPath);
    expectString(field(ref, 'source_act', refPath), at(refPath, 'source_act'));
    expectString(field(ref, 'source_key', refPath), at(refPath, 'source_key'));
  });
}

/** The `source_act` node ids a variable declares, whatever its form. */
export function sourceActIds(variable: JsonObject): string[] {
  const sourceAct = variable.source_act;
  if (typeof sourceAct === 'string') return [sourceAct];
  if (Array.isArray(sourceAct)) return sourceAct.map((ref) => (ref as { source_act: string }).source_act);
  return [];
}
