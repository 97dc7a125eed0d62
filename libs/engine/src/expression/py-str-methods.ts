import { type EvalBudget } from './eval-budget';
import { PyError, typeError, valueError } from './expression-errors';
import { iterate } from './py-ops';
import { num, type PyKwargs, PyTuple, pyType } from './py-values';

export type MethodImpl<S> = (self: S, args: unknown[], kwargs: PyKwargs, budget: EvalBudget) => unknown;

const WHITESPACE = /\s/;

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw typeError(`${what} must be str, not ${pyType(value)}`);
  return value;
}

function intArg(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'boolean') return num(value);
  throw typeError(`'${pyType(value)}' object cannot be interpreted as an integer`);
}

/** Python slice bounds `[start:end]` resolved against a length. */
function bounds(length: number, start: unknown, end: unknown): [number, number] {
  const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + length : v, 0), length);
  return [clamp(intArg(start, 0)), clamp(intArg(end, length))];
}

function stripChars(self: string, chars: unknown, left: boolean, right: boolean): string {
  const isStripped =
    chars === undefined || chars === null
      ? (c: string) => WHITESPACE.test(c)
      : (c: string) => text(chars, 'chars').includes(c);
  let start = 0;
  let end = self.length;
  while (left && start < end && isStripped(self[start] ?? '')) start += 1;
  while (right && end > start && isStripped(self[end - 1] ?? '')) end -= 1;
  return self.slice(start, end);
}

function splitWhitespace(self: string, maxsplit: number, fromRight: boolean): string[] {
  const words = self.split(/\s+/).filter((w) => w.length > 0);
  if (maxsplit < 0 || words.length <= maxsplit + 1) return words;
  if (maxsplit === 0) return [fromRight ? self.trimEnd() : self.trimStart()].filter((w) => w.length > 0);
  // Re-split keeping the original spacing of the unsplit remainder.
  const pattern = fromRight ? /\s+(?=\S*\s*$)/ : /^\s*\S+\s+/;
  const out: string[] = [];
  let rest = fromRight ? self.trimEnd() : self.trimStart();
  for (let i = 0; i < maxsplit; i += 1) {
    const match = pattern.exec(rest);
    if (!match) break;
    if (fromRight) {
      out.unshift(rest.slice(match.index + match[0].length));
      rest = rest.slice(0, match.index).trimEnd();
    } else {
      out.push(match[0].trim());
      rest = rest.slice(match[0].length);
    }
  }
  return fromRight ? [rest, ...out] : [...out, rest];
}

function split(self: string, args: unknown[], kwargs: PyKwargs, fromRight: boolean): string[] {
  const sep = args[0] ?? kwargs.get('sep') ?? null;
  const maxsplit = intArg(args[1] ?? kwargs.get('maxsplit'), -1);
  if (sep === null) return splitWhitespace(self, maxsplit, fromRight);
  const separator = text(sep, 'separator');
  if (separator === '') throw valueError('empty separator');
  const parts = self.split(separator);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return fromRight
    ? [parts.slice(0, parts.length - maxsplit).join(separator), ...parts.slice(parts.length - maxsplit)]
    : [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator)];
}

function find(self: string, args: unknown[], fromRight: boolean): number {
  const sub = text(args[0], 'substring');
  const [start, end] = bounds(self.length, args[1], args[2]);
  const window = self.slice(start, end);
  if (end - start < sub.length && !(sub === '' && start <= self.length)) return -1;
  const index = fromRight ? window.lastIndexOf(sub) : window.indexOf(sub);
  return index < 0 ? -1 : index + start;
}

function pad(self: string, args: unknown[], budget: EvalBudget, where: 'center' | 'left' | 'right'): string {
  const width = intArg(args[0], 0);
  const fill = args[1] === undefined ? ' ' : text(args[1], 'fill character');
  if (fill.length !== 1) throw typeError('The fill character must be exactly one character long');
  if (width <= self.length) return self;
  budget.checkLength(width);
  const total = width - self.length;
  // CPython's centering puts the odd pad character on the left only when both width and padding are odd.
  const left = where === 'left' ? 0 : where === 'right' ? total : Math.floor(total / 2) + (total & width & 1);
  return fill.repeat(left) + self + fill.repeat(total - left);
}

const isCased = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

function titleCase(self: string): string {
  let previousCased = false;
  let out = '';
  for (const c of self) {
    out += previousCased ? c.toLowerCase() : c.toUpperCase();
    previousCased = isCased(c) || /\p{L}/u.test(c);
  }
  return out;
}

function caseCheck(self: string, wanted: 'lower' | 'upper'): boolean {
  const cased = [...self].filter(isCased);
  return cased.length > 0 && cased.every((c) => (wanted === 'lower' ? c === c.toLowerCase() : c === c.toUpperCase()));
}

const allMatch = (self: string, pattern: RegExp): boolean => self.length > 0 && [...self].every((c) => pattern.test(c));

function replace(self: string, args: unknown[], budget: EvalBudget): string {
  const old = text(args[0], 'old');
  const replacement = text(args[1], 'new');
  const limit = intArg(args[2], -1);
  const pieces = old === '' ? ['', ...[...self], ''] : self.split(old);
  const count = Math.max(pieces.length - 1, 0);
  const used = limit < 0 ? count : Math.min(limit, count);
  budget.checkLength(self.length + used * (replacement.length - old.length));
  if (old === '') {
    const chars = [...self];
    return chars.map((c, i) => (i < used ? replacement + c : c)).join('') + (used > chars.length ? replacement : '');
  }
  return pieces.slice(0, used + 1).join(replacement) + (used < count ? old + pieces.slice(used + 1).join(old) : '');
}

function partition(self: string, sepArg: unknown, fromRight: boolean): PyTuple {
  const sep = text(sepArg, 'separator');
  if (sep === '') throw valueError('empty separator');
  const index = fromRight ? self.lastIndexOf(sep) : self.indexOf(sep);
  if (index < 0) return new PyTuple(fromRight ? ['', '', self] : [self, '', '']);
  return new PyTuple([self.slice(0, index), sep, self.slice(index + sep.length)]);
}

function startsOrEnds(self: string, args: unknown[], ends: boolean): boolean {
  const [start, end] = bounds(self.length, args[1], args[2]);
  const window = self.slice(start, end);
  const candidates = args[0] instanceof PyTuple ? args[0].items : [args[0]];
  return candidates.some((c) => (ends ? window.endsWith(text(c, 'suffix')) : window.startsWith(text(c, 'prefix'))));
}

function zfill(self: string, widthArg: unknown, budget: EvalBudget): string {
  const width = intArg(widthArg, 0);
  if (width <= self.length) return self;
  budget.checkLength(width);
  const sign = self[0] === '+' || self[0] === '-' ? (self[0] ?? '') : '';
  return sign + '0'.repeat(width - self.length) + self.slice(sign.length);
}

function join(self: string, iterable: unknown, budget: EvalBudget): string {
  const items = iterate(iterable);
  let length = self.length * Math.max(items.length - 1, 0);
  items.forEach((item, i) => {
    if (typeof item !== 'string') throw typeError(`sequence item ${i}: expected str instance, ${pyType(item)} found`);
    length += item.length;
  });
  budget.checkLength(length);
  return (items as string[]).join(self);
}

/** The str method allowlist of spec 04 §6.5. */
export const STR_METHODS: ReadonlyMap<string, MethodImpl<string>> = new Map<string, MethodImpl<string>>([
  ['upper', (s) => s.toUpperCase()],
  ['lower', (s) => s.toLowerCase()],
  ['title', (s) => titleCase(s)],
  ['capitalize', (s) => (s.length === 0 ? s : (s[0] ?? '').toUpperCase() + s.slice(1).toLowerCase())],
  ['swapcase', (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')],
  ['strip', (s, a) => stripChars(s, a[0], true, true)],
  ['lstrip', (s, a) => stripChars(s, a[0], true, false)],
  ['rstrip', (s, a) => stripChars(s, a[0], false, true)],
  ['split', (s, a, k) => split(s, a, k, false)],
  ['rsplit', (s, a, k) => split(s, a, k, true)],
  ['splitlines', (s, a, k) => splitlines(s, Boolean(a[0] ?? k.get('keepends')))],
  ['replace', (s, a, _k, b) => replace(s, a, b)],
  ['startswith', (s, a) => startsOrEnds(s, a, false)],
  ['endswith', (s, a) => startsOrEnds(s, a, true)],
  ['join', (s, a, _k, b) => join(s, a[0], b)],
  [
    'count',
    (s, a) => {
      const sub = text(a[0], 'substring');
      const [start, end] = bounds(s.length, a[1], a[2]);
      const window = s.slice(start, end);
      return sub === '' ? window.length + 1 : window.split(sub).length - 1;
    },
  ],
  ['find', (s, a) => find(s, a, false)],
  ['rfind', (s, a) => find(s, a, true)],
  ['index', (s, a) => notFound(find(s, a, false))],
  ['rindex', (s, a) => notFound(find(s, a, true))],
  ['zfill', (s, a, _k, b) => zfill(s, a[0], b)],
  ['center', (s, a, _k, b) => pad(s, a, b, 'center')],
  ['ljust', (s, a, _k, b) => pad(s, a, b, 'left')],
  ['rjust', (s, a, _k, b) => pad(s, a, b, 'right')],
  ['isdigit', (s) => allMatch(s, /[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]/u)],
  ['isnumeric', (s) => allMatch(s, /\p{N}/u)],
  ['isalpha', (s) => allMatch(s, /\p{L}/u)],
  ['isalnum', (s) => allMatch(s, /[\p{L}\p{N}]/u)],
  ['isspace', (s) => allMatch(s, /\s/)],
  ['islower', (s) => caseCheck(s, 'lower')],
  ['isupper', (s) => caseCheck(s, 'upper')],
  ['partition', (s, a) => partition(s, a[0], false)],
  ['rpartition', (s, a) => partition(s, a[0], true)],
]);

function splitlines(self: string, keepends: boolean): string[] {
  const out: string[] = [];
  // Python's str.splitlines also breaks on the file/group/record separators \x1c-\x1e.
  // eslint-disable-next-line no-control-regex
  const boundary = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;
  let start = 0;
  for (let m = boundary.exec(self); m; m = boundary.exec(self)) {
    out.push(self.slice(start, keepends ? m.index + m[0].length : m.index));
    start = m.index + m[0].length;
  }
  if (start < self.length) out.push(self.slice(start));
  return out;
}

function notFound(index: number): number {
  if (index < 0) throw new PyError('ValueError', 'substring not found');
  return index;
}
