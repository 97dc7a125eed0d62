/**
 * Runtime representation of Python values inside the interpreter. JSON-ish JS values are used as is
 * (string = str, integral number = int, other number = float, boolean = bool, null/undefined = None,
 * array = list, plain object = dict); the classes below cover what JSON cannot express.
 */

/** A float whose value may be integral (`3.0`): plain integral JS numbers count as Python ints. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** An immutable tuple, printed `(1,)` / `(1, 2)`. */
export class PyTuple {
  readonly items: readonly unknown[];
  constructor(items: readonly unknown[]) {
    this.items = Object.freeze([...items]);
  }
}

/** A set; items are kept unique by Python equality, in insertion order. */
export class PySet {
  constructor(readonly items: readonly unknown[]) {}
}

/** `range(start, stop, step)`, materialised on demand (its length is bounded at creation). */
export class PyRange {
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {}
  get length(): number {
    const span = this.step > 0 ? this.stop - this.start : this.start - this.stop;
    return span <= 0 ? 0 : Math.ceil(span / Math.abs(this.step));
  }
  toArray(): number[] {
    return Array.from({ length: this.length }, (_, i) => this.start + i * this.step);
  }
}

/** `slice(a, b, c)` objects. */
export class PySlice {
  constructor(
    readonly start: unknown,
    readonly stop: unknown,
    readonly step: unknown,
  ) {}
}

/** Iterators and dict views (`zip`, `enumerate`, `reversed`, generator expressions, `d.keys()` …). */
export class PyView {
  constructor(
    readonly kind:
      'dict_keys' | 'dict_values' | 'dict_items' | 'zip' | 'enumerate' | 'list_reverseiterator' | 'generator',
    readonly items: readonly unknown[],
  ) {}
}

export type PyKwargs = Map<string, unknown>;

/** Anything the interpreter may call: safe builtins, allowlisted methods, lambdas, host helpers. */
export class PyCallable {
  constructor(
    readonly name: string,
    readonly kind: 'builtin' | 'method' | 'lambda' | 'helper',
    readonly call: (args: unknown[], kwargs: PyKwargs) => unknown,
  ) {}
}

/** A host helper namespace registered through `ExpressionOptions.modules`. */
export class PyModule {
  constructor(
    readonly name: string,
    readonly members: Readonly<Record<string, (...args: unknown[]) => unknown>>,
  ) {}
}

export type PyTypeName =
  | 'NoneType'
  | 'bool'
  | 'int'
  | 'float'
  | 'str'
  | 'list'
  | 'tuple'
  | 'dict'
  | 'set'
  | 'range'
  | 'slice'
  | 'view'
  | 'function'
  | 'module'
  | 'object';

export function isPlainDict(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function pyType(value: unknown): PyTypeName {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (typeof value !== 'object') return 'object';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PySet) return 'set';
  if (value instanceof PyRange) return 'range';
  if (value instanceof PySlice) return 'slice';
  if (value instanceof PyView) return 'view';
  if (value instanceof PyCallable) return 'function';
  if (value instanceof PyModule) return 'module';
  return isPlainDict(value) ? 'dict' : 'object';
}

/** Reads an own data property only: prototypes and getters are never reached. */
export function ownDataValue(obj: object, key: string): { found: boolean; value?: unknown } {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) return { found: false };
  const descriptor = Object.getOwnPropertyDescriptor(obj, key);
  if (!descriptor || !('value' in descriptor)) return { found: false };
  return { found: true, value: descriptor.value as unknown };
}

/** Own enumerable string-keyed data entries of a dict, skipping accessors. */
export function dictEntries(obj: Record<string, unknown>): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(obj)) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, key);
    if (descriptor && 'value' in descriptor) entries.push([key, descriptor.value as unknown]);
  }
  return entries;
}

/** A fresh prototype-less dict, so no key can ever resolve to a JS builtin. */
export function newDict(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const dict = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of entries) {
    Object.defineProperty(dict, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return dict;
}

export function isNumeric(value: unknown): value is number | boolean | PyFloat {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat;
}

export function isFloat(value: unknown): boolean {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

/** Numeric value of an int/float/bool. */
export function num(value: number | boolean | PyFloat): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value instanceof PyFloat ? value.value : value;
}

/** Wraps a float result so that an integral float keeps printing as `3.0`. */
export function makeFloat(value: number): PyFloat | number {
  return Number.isInteger(value) ? new PyFloat(value) : value;
}
