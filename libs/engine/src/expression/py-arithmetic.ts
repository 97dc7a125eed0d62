import { type EvalBudget } from './eval-budget';
import { ExpressionRefusedError, PyError, typeError, valueError } from './expression-errors';
import { EXPRESSION_LIMITS } from './expression-limits';
import { percentFormat } from './percent-format';
import { checkIntResult, strLength } from './py-ops';
import { isFloat, isNumeric, makeFloat, num, PyTuple, pyType } from './py-values';

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';

function numeric(floatResult: boolean, value: number, budget: EvalBudget): unknown {
  return floatResult ? makeFloat(value) : checkIntResult(value, budget);
}

function unsupported(op: string, a: unknown, b: unknown): PyError {
  return typeError(`unsupported operand type(s) for ${op}: '${pyType(a)}' and '${pyType(b)}'`);
}

function zeroDivision(): PyError {
  return new PyError('ZeroDivisionError', 'division by zero');
}

/** Python floor modulo: the result takes the sign of the divisor. */
function pyMod(x: number, y: number): number {
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

function repeat(sequence: unknown, times: unknown, budget: EvalBudget): unknown {
  const count = Math.max(0, num(times as number | boolean));
  if (typeof sequence === 'string') {
    budget.checkLength(strLength(sequence) * count);
    return sequence.repeat(count);
  }
  const items = Array.isArray(sequence) ? sequence : (sequence as PyTuple).items;
  budget.checkLength(items.length * count);
  const out: unknown[] = [];
  for (let i = 0; i < count; i += 1) out.push(...items);
  return Array.isArray(sequence) ? out : new PyTuple(out);
}

function isSequence(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value) || value instanceof PyTuple;
}

function isIntLike(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean';
}

function concat(a: unknown, b: unknown, budget: EvalBudget): unknown {
  if (typeof a === 'string' && typeof b === 'string') {
    budget.checkLength(a.length + b.length);
    return a + b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    budget.checkLength(a.length + b.length);
    return [...(a as unknown[]), ...(b as unknown[])];
  }
  if (a instanceof PyTuple && b instanceof PyTuple) {
    budget.checkLength(a.items.length + b.items.length);
    return new PyTuple([...a.items, ...b.items]);
  }
  throw unsupported('+', a, b);
}

export function power(a: number | boolean | object, b: number | boolean | object, budget: EvalBudget): unknown {
  const x = num(a as number);
  const y = num(b as number);
  const floatResult = isFloat(a) || isFloat(b) || y < 0;
  if (x === 0 && y < 0) throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y)) throw valueError('complex results are not supported');
  const result = x ** y;
  if (Math.abs(result) > EXPRESSION_LIMITS.maxPower) throw new ExpressionRefusedError('power result beyond 2^53');
  return numeric(floatResult, result, budget);
}

export function binaryOp(op: BinaryOp, a: unknown, b: unknown, budget: EvalBudget): unknown {
  if (op === '%' && typeof a === 'string') return percentFormat(a, b, budget);
  if (!(isNumeric(a) && isNumeric(b))) {
    if (op === '+') return concat(a, b, budget);
    if (op === '*' && isSequence(a) && isIntLike(b)) return repeat(a, b, budget);
    if (op === '*' && isIntLike(a) && isSequence(b)) return repeat(b, a, budget);
    throw unsupported(op, a, b);
  }
  const x = num(a);
  const y = num(b);
  const floatOperand = isFloat(a) || isFloat(b);
  switch (op) {
    case '+':
      return numeric(floatOperand, x + y, budget);
    case '-':
      return numeric(floatOperand, x - y, budget);
    case '*':
      return numeric(floatOperand, x * y, budget);
    case '/':
      if (y === 0) throw zeroDivision();
      return makeFloat(x / y);
    case '//':
      if (y === 0) throw zeroDivision();
      return numeric(floatOperand, Math.floor(x / y), budget);
    case '%':
      if (y === 0) throw zeroDivision();
      return numeric(floatOperand, pyMod(x, y), budget);
    case '**':
      return power(a, b, budget);
  }
}

export function unaryOp(op: '-' | '+', value: unknown, budget: EvalBudget): unknown {
  if (!isNumeric(value)) throw typeError(`bad operand type for unary ${op}: '${pyType(value)}'`);
  const x = num(value);
  const result = op === '-' ? -x : x;
  return isFloat(value) ? makeFloat(result) : checkIntResult(result + 0, budget);
}
