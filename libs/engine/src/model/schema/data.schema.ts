import { at, describeValue, expectObject, expectStringList, fail, field, has, isObject } from './schema-checks';
import { checkVariableMap } from './variable.schema';

/**
 * `data` of a pipeline (spec 02 §6). Returns the outputs as a list: bamboo-engine accepts an object
 * there and reads its keys, and the rest of the engine only wants to deal with the list form.
 */
export function checkPipelineData(value: unknown, path: string): string[] {
  const data = expectObject(value, path);
  checkVariableMap(field(data, 'inputs', path), at(path, 'inputs'));
  const outputs = field(data, 'outputs', path);
  const outputsPath = at(path, 'outputs');
  let outputKeys: string[];
  if (isObject(outputs)) outputKeys = Object.keys(outputs);
  else if (Array.isArray(outputs)) outputKeys = expectStringList(outputs, outputsPath);
  else fail(outputsPath, `expected a list of context keys, got ${describeValue(outputs)}`);
  if (has(data, 'pre_render_keys') && data.pre_render_keys !== null) {
    expectStringList(data.pre_render_keys, at(path, 'pre_render_keys'));
  }
  return outputKeys;
}
