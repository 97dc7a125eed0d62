import {
  type ConditionNode,
  type ConditionOperand,
  type ConditionOperator,
  type ConditionScalar,
} from './condition-ast';
import { parseCondition } from './condition-parser';
import { normaliseVariables } from './escape-normaliser';
import { ConditionError, PyError } from './expression-errors';
import { type ExpressionOptions } from './expression-limits';
import { pythonStr } from './python-str';
import { iterate, pyContains, pyEquals, pyOrder, toInt } from './py-ops';
import { makeFloat } from './py-values';
import { renderTemplate } from './splice-renderer';

function scalarValue(scalar: ConditionScalar): unknown {
  switch (scalar.kind) {
    case 'real':
      return makeFloat(scalar.value);
    case 'integer':
      if (/e/i.test(scalar.text)) throw new ConditionError(`invalid integer literal '${scalar.text}'`);
      return toInt(scalar.text);
    case 'string':
    case 'boolean':
    case 'path':
      return scalar.value;
  }
}

function operandValue(operand: ConditionOperand): unknown {
  return operand.kind === 'scalar' ? scalarValue(operand.scalar) : operand.items.map(scalarValue);
}

/** Python `isinstance(x, int)`: booleans are integers, floats are not. */
const isInt = (v: unknown): boolean => typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v));

function tryEach<T>(items: readonly unknown[], convert: (item: unknown) => T): T[] {
  const out: T[] = [];
  for (const item of items) {
    try {
      out.push(convert(item));
    } catch {
      // Items that do not convert are simply not added (§9.4).
    }
  }
  return out;
}

/** The operand coercion of spec 04 §9.4, quirks included. */
function coerce(op: ConditionOperator, left: unknown, right: unknown): [unknown, unknown] {
  if (op === 'in' || op === 'notin') {
    if (!Array.isArray(right) || right.length === 0) return [left, right];
    const items: readonly unknown[] = right;
    if (isInt(left)) return [left, [...items, ...tryEach(items, toInt)]];
    if (typeof left === 'string') return [left, [...items, ...items.map((item) => pythonStr(item))]];
    return [left, right];
  }
  if (op === 'issuperset' || op === 'notissuperset') {
    return [typeof left === 'string' ? [left] : left, typeof right === 'string' ? [right] : right];
  }
  let [l, r] = [left, right];
  try {
    if (isInt(l)) r = toInt(r);
    else if (isInt(r)) l = toInt(l);
    if (typeof l === 'string') r = pythonStr(r);
    else if (typeof r === 'string') l = pythonStr(l);
  } catch {
    // One attempt that stops at the first failure: keep what was converted so far.
  }
  return [l, r];
}

function superset(left: unknown, right: unknown): boolean {
  const check = (value: unknown): readonly unknown[] => {
    if (typeof value === 'number' || typeof value === 'boolean') throw new PyError('TypeError', 'not iterable');
    const items = iterate(value);
    if (items.some((item) => Array.isArray(item))) throw new PyError('TypeError', "unhashable type: 'list'");
    return items;
  };
  const container = check(left);
  return check(right).every((item) => container.some((candidate) => pyEquals(candidate, item)));
}

function compare(op: ConditionOperator, rawLeft: unknown, rawRight: unknown): boolean {
  const [left, right] = coerce(op, rawLeft, rawRight);
  switch (op) {
    case '==':
      return pyEquals(left, right);
    case '!=':
      return !pyEquals(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return pyOrder(left, right, op);
    case 'in':
      return pyContains(right, left);
    case 'notin':
      return !pyContains(right, left);
    case 'issuperset':
      return superset(left, right);
    case 'notissuperset':
      return !superset(left, right);
  }
}

/** Left to right, short-circuit, right-grouped (§9.3). */
function evaluateNode(node: ConditionNode): boolean {
  if (node.type === 'compare') return compare(node.op, operandValue(node.left), operandValue(node.right));
  const first = evaluateNode(node.first);
  if (node.op === 'and') return first ? evaluateNode(node.rest) : false;
  return first ? true : evaluateNode(node.rest);
}

/** Parses and evaluates an already rendered rule text (§9.1 step 4); no variables are involved. */
export function evaluateRule(text: string): boolean {
  const parsed = parseCondition(text);
  if (parsed === 'always') return true;
  try {
    return evaluateNode(parsed);
  } catch (error) {
    if (error instanceof ConditionError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConditionError(`cannot evaluate condition '${text}': ${reason}`, { condition: text });
  }
}

/** Spec 04 §9.1: normalise escapes, render the expression as a template, evaluate the rule text. */
export function evaluateCondition(
  expression: string,
  variables: Record<string, unknown>,
  options: ExpressionOptions = {},
): boolean {
  const rendered = renderTemplate(expression, normaliseVariables(variables), options);
  const text = typeof rendered === 'string' ? rendered : pythonStr(rendered);
  return evaluateRule(text);
}
