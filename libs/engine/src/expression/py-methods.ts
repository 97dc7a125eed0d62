import { type EvalBudget } from './eval-budget';
import { PyError, typeError } from './expression-errors';
import { STR_METHODS, type MethodImpl } from './py-str-methods';
import { pyEquals } from './py-ops';
import { dictEntries, ownDataValue, PyCallable, PyTuple, pyType, PyView } from './py-values';

type Sequence = readonly unknown[];

const SEQUENCE_METHODS: ReadonlyMap<string, MethodImpl<Sequence>> = new Map<string, MethodImpl<Sequence>>([
  ['count', (items, args, _k, budget) => (budget.step(items.length), items.filter((x) => pyEquals(x, args[0])).length)],
  [
    'index',
    (items, args, _k, budget) => {
      budget.step(items.length);
      const clamp = (v: unknown, fallback: number): number =>
        v === undefined
          ? fallback
          : Math.min(Math.max((v as number) < 0 ? (v as number) + items.length : (v as number), 0), items.length);
      const start = clamp(args[1], 0);
      const end = clamp(args[2], items.length);
      for (let i = start; i < end; i += 1) if (pyEquals(items[i], args[0])) return i;
      throw new PyError('ValueError', 'value is not in list');
    },
  ],
]);

const DICT_METHODS: ReadonlyMap<string, MethodImpl<Record<string, unknown>>> = new Map<
  string,
  MethodImpl<Record<string, unknown>>
>([
  [
    'get',
    (dict, args) => {
      if (args.length < 1 || args.length > 2) throw typeError('get expected 1 or 2 arguments');
      const entry = typeof args[0] === 'string' ? ownDataValue(dict, args[0]) : { found: false };
      return entry.found ? entry.value : (args[1] ?? null);
    },
  ],
  [
    'keys',
    (dict) =>
      new PyView(
        'dict_keys',
        dictEntries(dict).map(([k]) => k),
      ),
  ],
  [
    'values',
    (dict) =>
      new PyView(
        'dict_values',
        dictEntries(dict).map(([, v]) => v),
      ),
  ],
  [
    'items',
    (dict) =>
      new PyView(
        'dict_items',
        dictEntries(dict).map(([k, v]) => new PyTuple([k, v])),
      ),
  ],
]);

function bind<S>(self: S, name: string, impl: MethodImpl<S> | undefined, budget: EvalBudget): PyCallable | undefined {
  if (impl === undefined) return undefined;
  return new PyCallable(name, 'method', (args, kwargs) => impl(self, args, kwargs, budget));
}

/**
 * Attribute access of the language: only allowlisted methods by Python type (spec 04 §6.5 and §10
 * rule 13). Everything else, including every JS property, is an AttributeError.
 */
export function boundMethod(self: unknown, name: string, budget: EvalBudget): PyCallable {
  const type = pyType(self);
  let method: PyCallable | undefined;
  if (type === 'str') method = bind(self as string, name, STR_METHODS.get(name), budget);
  else if (type === 'list') method = bind(self as Sequence, name, SEQUENCE_METHODS.get(name), budget);
  else if (type === 'tuple') method = bind((self as PyTuple).items, name, SEQUENCE_METHODS.get(name), budget);
  else if (type === 'dict') method = bind(self as Record<string, unknown>, name, DICT_METHODS.get(name), budget);
  if (method === undefined) throw new PyError('AttributeError', `'${pyType(self)}' object has no attribute '${name}'`);
  return method;
}
