import { type EvalBudget } from './eval-budget';
import { PyError, typeError, valueError } from './expression-errors';
import { codePoints, resolveIndex } from './py-ops';
import { isPlainDict, num, ownDataValue, PyRange, PySlice, PyTuple, pyType } from './py-values';

function sliceBound(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value))) return num(value);
  throw typeError('slice indices must be integers or None');
}

/** Indices selected by `[lower:upper:step]` on a sequence of `length` (CPython's PySlice_AdjustIndices). */
export function sliceIndices(length: number, lower: unknown, upper: unknown, stepArg: unknown): number[] {
  const step = sliceBound(stepArg) ?? 1;
  if (step === 0) throw valueError('slice step cannot be zero');
  const adjust = (value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (value < 0) return Math.max(value + length, step < 0 ? -1 : 0);
    return Math.min(value, step < 0 ? length - 1 : length);
  };
  const start = adjust(sliceBound(lower), step < 0 ? length - 1 : 0);
  const stop = adjust(sliceBound(upper), step < 0 ? -1 : length);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

export function getSlice(value: unknown, lower: unknown, upper: unknown, step: unknown, budget: EvalBudget): unknown {
  if (typeof value === 'string') {
    const chars = codePoints(value);
    const length = chars?.length ?? value.length;
    const indices = sliceIndices(length, lower, upper, step);
    if ((step === null || step === undefined) && chars === undefined) {
      const first = indices[0];
      return first === undefined ? '' : value.slice(first, first + indices.length);
    }
    budget.step(indices.length);
    return indices.map((i) => (chars ? chars[i] : value[i])).join('');
  }
  const items: readonly unknown[] | undefined = Array.isArray(value)
    ? (value as unknown[])
    : value instanceof PyTuple
      ? value.items
      : undefined;
  if (items === undefined) {
    if (value instanceof PyRange) return getSlice(value.toArray(), lower, upper, step, budget);
    throw typeError(`'${pyType(value)}' object is not subscriptable`);
  }
  const indices = sliceIndices(items.length, lower, upper, step);
  budget.step(indices.length);
  const picked = indices.map((i) => items[i]);
  return Array.isArray(value) ? picked : new PyTuple(picked);
}

/** `value[key]`: sequence indexing (negative from the end) or dict lookup by own key. */
export function getItem(value: unknown, key: unknown, budget: EvalBudget): unknown {
  if (key instanceof PySlice) return getSlice(value, key.start, key.stop, key.step, budget);
  if (typeof value === 'string') {
    const chars = codePoints(value);
    const index = resolveIndex(key, chars?.length ?? value.length, 'string');
    return chars ? chars[index] : value[index];
  }
  if (Array.isArray(value)) return value[resolveIndex(key, value.length, 'list')] as unknown;
  if (value instanceof PyTuple) return value.items[resolveIndex(key, value.items.length, 'tuple')];
  if (value instanceof PyRange) return value.start + resolveIndex(key, value.length, 'range') * value.step;
  if (isPlainDict(value)) {
    const entry = typeof key === 'string' ? ownDataValue(value, key) : { found: false };
    if (!entry.found) throw new PyError('KeyError', typeof key === 'string' ? key : pyType(key));
    return entry.value;
  }
  throw typeError(`'${pyType(value)}' object is not subscriptable`);
}
