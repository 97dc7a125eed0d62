export { extractReferences, renderTemplate } from './splice-renderer';
export { evaluateCondition } from './condition-evaluator';
export { ConditionError } from './expression-errors';
export type { ExpressionOptions } from './expression-limits';
import { pythonStr as toPythonStr } from './python-str';

/** Python `str()` of a value (spec 04 §6.6). */
export function pythonStr(value: unknown): string {
  return toPythonStr(value);
}
