import { type EvalBudget } from './eval-budget';
import { ExpressionRefusedError, PyError, typeError, valueError } from './expression-errors';
import { EXPRESSION_LIMITS } from './expression-limits';
import { binaryOp, power } from './py-arithmetic';
import { iterate, parseIntText, pyEquals, pyLength, pyOrder, toFloat, toInt, truthy } from './py-ops';
import { pythonStr } from './python-str';
import {
  isFloat,
  isNumeric,
  isPlainDict,
  makeFloat,
  newDict,
  num,
  PyCallable,
  type PyKwargs,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  pyType,
  PyView,
} from './py-values';

export type BuiltinImpl = (args: unknown[], kwargs: PyKwargs, budget: EvalBudget) => unknown;

function arity(name: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw typeError(`${name}() takes from ${min} to ${max} positional arguments but ${args.length} were given`);
  }
}

function noKwargs(name: string, kwargs: PyKwargs, allowed: string[] = []): void {
  for (const key of kwargs.keys()) {
    if (!allowed.includes(key)) throw typeError(`${name}() got an unexpected keyword argument '${key}'`);
  }
}

function asInt(value: unknown, what: string): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw typeError(`'${pyType(value)}' object cannot be interpreted as an integer (${what})`);
}

export function callValue(fn: unknown, args: unknown[]): unknown {
  if (!(fn instanceof PyCallable)) throw typeError(`'${pyType(fn)}' object is not callable`);
  return fn.call(args, new Map());
}

export function uniqueItems(items: readonly unknown[], budget: EvalBudget): unknown[] {
  const out: unknown[] = [];
  budget.step(items.length);
  for (const item of items) {
    if (Array.isArray(item) || isPlainDict(item) || item instanceof PySet) {
      throw typeError(`unhashable type: '${pyType(item)}'`);
    }
    if (!out.some((existing) => pyEquals(existing, item))) out.push(item);
  }
  return out;
}

/** Sorting with Python ordering; the comparator throws TypeError on incomparable items. */
export function pySorted(items: readonly unknown[], key: unknown, reverse: boolean, budget: EvalBudget): unknown[] {
  budget.step(Math.ceil(items.length * Math.log2(items.length + 2)));
  const keyed = items.map((item) => ({ item, key: key === null || key === undefined ? item : callValue(key, [item]) }));
  const order = (a: unknown, b: unknown): number => (pyOrder(a, b, '<') ? -1 : pyOrder(b, a, '<') ? 1 : 0);
  // Python's sort is stable also when reversed: reverse the comparison, not the result.
  keyed.sort((a, b) => (reverse ? order(b.key, a.key) : order(a.key, b.key)));
  return keyed.map((entry) => entry.item);
}

function extreme(name: 'min' | 'max', args: unknown[], kwargs: PyKwargs, budget: EvalBudget): unknown {
  noKwargs(name, kwargs, ['key', 'default']);
  const items = args.length === 1 ? iterate(args[0]) : args;
  budget.step(items.length);
  if (items.length === 0) {
    if (kwargs.has('default')) return kwargs.get('default');
    throw valueError(`${name}() arg is an empty sequence`);
  }
  const key = kwargs.get('key');
  const keyOf = (item: unknown): unknown => (key === undefined || key === null ? item : callValue(key, [item]));
  let best = items[0];
  let bestKey = keyOf(best);
  for (const item of items.slice(1)) {
    const itemKey = keyOf(item);
    if (name === 'min' ? pyOrder(itemKey, bestKey, '<') : pyOrder(itemKey, bestKey, '>')) {
      best = item;
      bestKey = itemKey;
    }
  }
  return best;
}

/** Round half to even, as Python 3 does. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function pyRound(args: unknown[], kwargs: PyKwargs, budget: EvalBudget): unknown {
  noKwargs('round', kwargs, ['ndigits']);
  const [value, ndigitsArg = kwargs.get('ndigits') ?? null] = args;
  if (!isNumeric(value)) throw typeError(`type ${pyType(value)} doesn't define __round__ method`);
  const x = num(value);
  if (ndigitsArg === null) {
    if (!Number.isFinite(x)) throw valueError('cannot convert float to integer');
    return roundHalfEven(x) + 0;
  }
  const digits = asInt(ndigitsArg, 'ndigits');
  if (!isFloat(value)) return digits >= 0 ? x : binaryOp('*', roundHalfEven(x / 10 ** -digits), 10 ** -digits, budget);
  if (!Number.isFinite(x) || digits > 300) return makeFloat(x);
  if (digits >= 0 && digits <= 75 && Math.abs(x) < 1e21) return makeFloat(roundDecimal(x, digits));
  const factor = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? x * factor : x / factor;
  const rounded = roundHalfEven(scaled);
  return makeFloat(digits >= 0 ? rounded / factor : rounded * factor);
}

/**
 * Python rounds the exact binary value to `digits` decimals, ties to even. `toFixed` rounds the
 * exact value too but ties away from zero, so exact ties are detected in a longer expansion.
 */
function roundDecimal(x: number, digits: number): number {
  const long = Math.abs(x).toFixed(digits + 25);
  const cut = long.length - 25;
  const isTie = /^50*$/.test(long.slice(cut));
  let kept = long.slice(0, cut);
  if (!isTie) return Number(Math.abs(x).toFixed(digits)) * Math.sign(x);
  const lastDigit = Number(kept.replace('.', '').slice(-1));
  if (lastDigit % 2 === 1) kept = Math.abs(x).toFixed(digits);
  return Number(kept) * Math.sign(x);
}

function pyRange(args: unknown[]): PyRange {
  arity('range', args, 1, 3);
  const ints = args.map((arg) => asInt(arg, 'range'));
  const [start, stop, step] = ints.length === 1 ? [0, ints[0] ?? 0, 1] : [ints[0] ?? 0, ints[1] ?? 0, ints[2] ?? 1];
  if (step === 0) throw valueError('range() arg 3 must not be zero');
  const range = new PyRange(start, stop, step);
  if (range.length > EXPRESSION_LIMITS.maxRangeLength) throw new ExpressionRefusedError('range length limit exceeded');
  return range;
}

function pyDict(args: unknown[], kwargs: PyKwargs, budget: EvalBudget): Record<string, unknown> {
  arity('dict', args, 0, 1);
  const entries: [string, unknown][] = [];
  const source = args[0];
  if (isPlainDict(source)) {
    for (const key of iterate(source)) entries.push([key as string, source[key as string]]);
  } else if (source !== undefined) {
    for (const pair of iterate(source)) {
      const items = iterate(pair);
      if (items.length !== 2) throw valueError('dictionary update sequence element has wrong length');
      if (typeof items[0] !== 'string') throw typeError('only text dictionary keys are supported');
      entries.push([items[0], items[1]]);
    }
  }
  entries.push(...kwargs.entries());
  budget.checkLength(entries.length);
  return newDict(entries);
}

const BUILTIN_TABLE: Record<string, BuiltinImpl> = {
  bool: (args) => (arity('bool', args, 0, 1), truthy(args[0])),
  int(args, kwargs) {
    noKwargs('int', kwargs, ['base']);
    arity('int', args, 0, 2);
    const base = args[1] ?? kwargs.get('base');
    if (base === undefined) return args.length === 0 ? 0 : toInt(args[0]);
    if (typeof args[0] !== 'string') throw typeError("int() can't convert non-string with explicit base");
    return parseIntText(args[0], asInt(base, 'base'));
  },
  float: (args) => (arity('float', args, 0, 1), args.length === 0 ? makeFloat(0) : toFloat(args[0])),
  str: (args) => (
    arity('str', args, 0, 1),
    args.length === 0 ? '' : pythonStr(args[0], EXPRESSION_LIMITS.maxProducedLength)
  ),
  list: (args, _k, budget) => (
    arity('list', args, 0, 1),
    budget.step(1),
    args.length === 0 ? [] : [...iterate(args[0])]
  ),
  tuple: (args) => (arity('tuple', args, 0, 1), new PyTuple(args.length === 0 ? [] : iterate(args[0]))),
  dict: pyDict,
  set: (args, _k, budget) => (
    arity('set', args, 0, 1),
    new PySet(args.length === 0 ? [] : uniqueItems(iterate(args[0]), budget))
  ),
  abs(args) {
    arity('abs', args, 1, 1);
    if (!isNumeric(args[0])) throw typeError(`bad operand type for abs(): '${pyType(args[0])}'`);
    const x = Math.abs(num(args[0]));
    return isFloat(args[0]) ? makeFloat(x) : x;
  },
  round: pyRound,
  pow(args, _k, budget) {
    arity('pow', args, 2, 3);
    const [base, exp, mod] = args;
    if (!isNumeric(base) || !isNumeric(exp)) throw typeError('unsupported operand type(s) for pow()');
    if (mod === undefined || mod === null) return power(base, exp, budget);
    const [b, e, m] = [asInt(base, 'pow'), asInt(exp, 'pow'), asInt(mod, 'pow')];
    if (m === 0) throw valueError('pow() 3rd argument cannot be 0');
    if (e < 0) throw valueError('negative exponent with modulus is not supported');
    let result = 1n;
    let factor = BigInt(b) % BigInt(m);
    for (let k = BigInt(e); k > 0n; k >>= 1n, factor = (factor * factor) % BigInt(m)) {
      budget.step();
      if (k & 1n) result = (result * factor) % BigInt(m);
    }
    const r = Number(result);
    return r !== 0 && r < 0 !== m < 0 ? r + m : r;
  },
  sum(args, kwargs, budget) {
    noKwargs('sum', kwargs, ['start']);
    arity('sum', args, 1, 2);
    const start = args[1] ?? kwargs.get('start') ?? 0;
    if (typeof start === 'string') throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
    return iterate(args[0]).reduce((acc, item) => binaryOp('+', acc, item, budget), start);
  },
  min: (args, kwargs, budget) => extreme('min', args, kwargs, budget),
  max: (args, kwargs, budget) => extreme('max', args, kwargs, budget),
  len: (args) => (arity('len', args, 1, 1), pyLength(args[0])),
  range: (args) => pyRange(args),
  slice(args) {
    arity('slice', args, 1, 3);
    return args.length === 1 ? new PySlice(null, args[0], null) : new PySlice(args[0], args[1], args[2] ?? null);
  },
  enumerate(args, kwargs) {
    noKwargs('enumerate', kwargs, ['start']);
    const start = asInt(args[1] ?? kwargs.get('start') ?? 0, 'start');
    return new PyView(
      'enumerate',
      iterate(args[0]).map((item, i) => new PyTuple([start + i, item])),
    );
  },
  zip(args) {
    const lists = args.map((arg) => iterate(arg));
    const length = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length));
    return new PyView(
      'zip',
      Array.from({ length }, (_, i) => new PyTuple(lists.map((l) => l[i]))),
    );
  },
  sorted(args, kwargs, budget) {
    noKwargs('sorted', kwargs, ['key', 'reverse']);
    arity('sorted', args, 1, 1);
    return pySorted(iterate(args[0]), kwargs.get('key'), truthy(kwargs.get('reverse') ?? false), budget);
  },
  reversed(args) {
    arity('reversed', args, 1, 1);
    if (isPlainDict(args[0]) || args[0] instanceof PySet)
      throw typeError(`'${pyType(args[0])}' object is not reversible`);
    return new PyView('list_reverseiterator', [...iterate(args[0])].reverse());
  },
  all: (args, _k, budget) => (arity('all', args, 1, 1), budget.step(1), iterate(args[0]).every(truthy)),
  any: (args, _k, budget) => (arity('any', args, 1, 1), budget.step(1), iterate(args[0]).some(truthy)),
};

/** The safe builtins of spec 04 §6.5, in a prototype-less frozen map. */
export const BUILTINS: Readonly<Record<string, BuiltinImpl>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, BuiltinImpl>, BUILTIN_TABLE),
);

export function isBuiltinName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name);
}

export { PyError };
