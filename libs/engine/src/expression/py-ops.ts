import { type EvalBudget } from './eval-budget';
import { ExpressionRefusedError, PyError, typeError, valueError } from './expression-errors';
import { EXPRESSION_LIMITS } from './expression-limits';
import {
  dictEntries,
  isFloat,
  isNumeric,
  isPlainDict,
  makeFloat,
  num,
  ownDataValue,
  PyFloat,
  PyRange,
  PySet,
  PyTuple,
  pyType,
  PyView,
} from './py-values';

const SURROGATE = /[\uD800-\uDFFF]/;

/** Python strings index by code point; JS by UTF-16 unit. Only astral text needs the slow path. */
export function codePoints(text: string): string[] | undefined {
  return SURROGATE.test(text) ? Array.from(text) : undefined;
}

export function strLength(text: string): number {
  return codePoints(text)?.length ?? text.length;
}

export function truthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyTuple || value instanceof PySet || value instanceof PyView) return value.items.length > 0;
  if (value instanceof PyRange) return value.length > 0;
  if (isPlainDict(value)) return dictEntries(value).length > 0;
  return true;
}

export function pyEquals(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > EXPRESSION_LIMITS.maxAstDepth * 4) throw new ExpressionRefusedError('comparison nests too deeply');
  if (isNumeric(a) && isNumeric(b)) return num(a) === num(b);
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return sequenceEquals(a, b, depth);
  if (a instanceof PyTuple && b instanceof PyTuple) return sequenceEquals(a.items, b.items, depth);
  if (a instanceof PyRange && b instanceof PyRange) return sequenceEquals(a.toArray(), b.toArray(), depth);
  if (a instanceof PySet && b instanceof PySet) {
    return (
      a.items.length === b.items.length && a.items.every((item) => b.items.some((o) => pyEquals(item, o, depth + 1)))
    );
  }
  if (isPlainDict(a) && isPlainDict(b)) {
    const left = dictEntries(a);
    const right = dictEntries(b);
    if (left.length !== right.length) return false;
    return left.every(([key, value]) => {
      const other = ownDataValue(b, key);
      return other.found && pyEquals(value, other.value, depth + 1);
    });
  }
  return a === b;
}

function sequenceEquals(a: readonly unknown[], b: readonly unknown[], depth: number): boolean {
  return a.length === b.length && a.every((item, i) => pyEquals(item, b[i], depth + 1));
}

export type OrderOp = '<' | '<=' | '>' | '>=';

function orderResult(sign: number, op: OrderOp): boolean {
  switch (op) {
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
  }
}

function compareText(a: string, b: string): number {
  if (codePoints(a) === undefined && codePoints(b) === undefined) return a < b ? -1 : a > b ? 1 : 0;
  const left = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const right = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) return (left[i] ?? 0) - (right[i] ?? 0);
  }
  return left.length - right.length;
}

/** Three-way ordering; NaN comparisons are handled by the caller through `pyOrder`. */
function compareSequences(a: readonly unknown[], b: readonly unknown[], op: OrderOp): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (!pyEquals(a[i], b[i])) return pyOrder(a[i], b[i], op);
  }
  return orderResult(a.length - b.length, op);
}

export function pyOrder(a: unknown, b: unknown, op: OrderOp): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    const x = num(a);
    const y = num(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    return orderResult(x < y ? -1 : x > y ? 1 : 0, op);
  }
  if (typeof a === 'string' && typeof b === 'string') return orderResult(compareText(a, b), op);
  if (Array.isArray(a) && Array.isArray(b)) return compareSequences(a, b, op);
  if (a instanceof PyTuple && b instanceof PyTuple) return compareSequences(a.items, b.items, op);
  if (a instanceof PySet && b instanceof PySet) {
    const subset = (x: PySet, y: PySet): boolean => x.items.every((i) => y.items.some((j) => pyEquals(i, j)));
    const sizes = a.items.length - b.items.length;
    if (op === '<=') return subset(a, b);
    if (op === '>=') return subset(b, a);
    return op === '<' ? sizes < 0 && subset(a, b) : sizes > 0 && subset(b, a);
  }
  throw typeError(`'${op}' not supported between instances of '${pyType(a)}' and '${pyType(b)}'`);
}

/** The items a Python `for` would visit. */
export function iterate(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return codePoints(value) ?? value.split('');
  if (value instanceof PyTuple || value instanceof PySet || value instanceof PyView) return value.items;
  if (value instanceof PyRange) return value.toArray();
  if (isPlainDict(value)) return dictEntries(value).map(([key]) => key);
  throw typeError(`'${pyType(value)}' object is not iterable`);
}

export function pyLength(value: unknown): number {
  if (typeof value === 'string') return strLength(value);
  if (Array.isArray(value)) return value.length;
  if (value instanceof PyRange) return value.length;
  if (value instanceof PyTuple || value instanceof PySet) return value.items.length;
  if (value instanceof PyView && value.kind.startsWith('dict_')) return value.items.length;
  if (isPlainDict(value)) return dictEntries(value).length;
  throw typeError(`object of type '${pyType(value)}' has no len()`);
}

export function pyContains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw typeError(`'in <string>' requires string as left operand, not ${pyType(item)}`);
    return container.includes(item);
  }
  if (isPlainDict(container)) return typeof item === 'string' && ownDataValue(container, item).found;
  return iterate(container).some((element) => pyEquals(element, item));
}

/** Python `int()` of one value (no base). */
export function toInt(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || value instanceof PyFloat) {
    const n = num(value);
    if (!Number.isFinite(n))
      throw new PyError(Number.isNaN(n) ? 'ValueError' : 'OverflowError', 'cannot convert float');
    return Math.trunc(n) + 0;
  }
  if (typeof value === 'string') return parseIntText(value, 10);
  throw typeError(`int() argument must be a string or a number, not '${pyType(value)}'`);
}

export function parseIntText(text: string, base: number): number {
  const trimmed = text.trim();
  const match = /^([+-]?)(0[xob])?([0-9a-z]+(?:_[0-9a-z]+)*)$/i.exec(trimmed);
  if (!match || base < 2 || base > 36) throw valueError(`invalid literal for int() with base ${base}: ${text}`);
  const prefix = match[2]?.toLowerCase();
  const prefixBase = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : undefined;
  if (prefix !== undefined && base !== prefixBase)
    throw valueError(`invalid literal for int() with base ${base}: ${text}`);
  const digits = (match[3] ?? '').replace(/_/g, '').toLowerCase();
  let result = 0;
  for (const digit of digits) {
    const value = parseInt(digit, 36);
    if (Number.isNaN(value) || value >= base) throw valueError(`invalid literal for int() with base ${base}: ${text}`);
    result = result * base + value;
  }
  if (!Number.isSafeInteger(result)) throw new ExpressionRefusedError('integer beyond 2^53');
  return match[1] === '-' ? -result : result;
}

export function toFloat(value: unknown): PyFloat | number {
  if (isNumeric(value)) return makeFloat(num(value));
  if (typeof value === 'string') {
    const text = value
      .trim()
      .replace(/(\d)_(?=\d)/g, '$1')
      .toLowerCase();
    const special: Record<string, number> = { inf: Infinity, infinity: Infinity, nan: NaN };
    const bare = text.replace(/^[+-]/, '');
    if (bare in special) return makeFloat((text.startsWith('-') ? -1 : 1) * (special[bare] ?? NaN));
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return makeFloat(Number(text));
  }
  throw valueError(`could not convert ${pyType(value)} to float`);
}

/** Normalises a Python index (negative from the end) and bounds-checks it. */
export function resolveIndex(index: unknown, length: number, what: string): number {
  if (typeof index !== 'number' && typeof index !== 'boolean') {
    throw typeError(`${what} indices must be integers, not ${pyType(index)}`);
  }
  const i = num(index);
  if (!Number.isInteger(i)) throw typeError(`${what} indices must be integers, not float`);
  const resolved = i < 0 ? i + length : i;
  if (resolved < 0 || resolved >= length) throw new PyError('IndexError', `${what} index out of range`);
  return resolved;
}

export function checkIntResult(value: number, budget?: EvalBudget): number {
  if (!Number.isSafeInteger(value)) throw new ExpressionRefusedError('integer result beyond 2^53');
  budget?.step();
  return value;
}

export { isFloat };
