import { ExpressionRefusedError } from './expression-errors';
import {
  dictEntries,
  isPlainDict,
  PyCallable,
  PyFloat,
  PyModule,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  PyView,
} from './py-values';

/** Python `repr()` of a float: shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = value.toExponential().split('e');
  const exponent = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${body}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${intPart}.${fraction || '0'}`;
}

export function intStr(value: number): string {
  return Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python `repr()` of a text: quote choice and backslash escapes as CPython prints them. */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += escapeCodePoint(ch.codePointAt(0) ?? 0);
    else out += ch;
  }
  return out + quote;
}

function escapeCodePoint(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Accumulates output and refuses to grow past the produced-text limit. */
class TextSink {
  private parts: string[] = [];
  private length = 0;
  private readonly active = new Set<object>();
  constructor(private readonly maxLength: number) {}
  push(text: string): void {
    this.length += text.length;
    if (this.length > this.maxLength) throw new ExpressionRefusedError('produced text exceeds the length limit');
    this.parts.push(text);
  }
  enter(value: object): boolean {
    if (this.active.has(value)) return false;
    this.active.add(value);
    return true;
  }
  leave(value: object): void {
    this.active.delete(value);
  }
  toString(): string {
    return this.parts.join('');
  }
}

function writeSequence(sink: TextSink, items: readonly unknown[], open: string, close: string): void {
  sink.push(open);
  items.forEach((item, index) => {
    if (index > 0) sink.push(', ');
    writeRepr(sink, item);
  });
  sink.push(close);
}

function writeContainer(sink: TextSink, value: object, write: () => void, recursive: string): void {
  if (!sink.enter(value)) {
    sink.push(recursive);
    return;
  }
  try {
    write();
  } finally {
    sink.leave(value);
  }
}

function writeRepr(sink: TextSink, value: unknown): void {
  if (typeof value === 'string') sink.push(strRepr(value));
  else if (Array.isArray(value)) writeContainer(sink, value, () => writeSequence(sink, value, '[', ']'), '[...]');
  else if (value instanceof PyTuple) {
    const items = value.items;
    writeContainer(sink, value, () => writeSequence(sink, items, '(', items.length === 1 ? ',)' : ')'), '(...)');
  } else if (value instanceof PySet) {
    if (value.items.length === 0) sink.push('set()');
    else writeContainer(sink, value, () => writeSequence(sink, value.items, '{', '}'), '{...}');
  } else if (value instanceof PyView) writeView(sink, value);
  else if (isPlainDict(value)) writeContainer(sink, value, () => writeDict(sink, value), '{...}');
  else sink.push(scalarStr(value));
}

function writeDict(sink: TextSink, value: Record<string, unknown>): void {
  sink.push('{');
  dictEntries(value).forEach(([key, item], index) => {
    if (index > 0) sink.push(', ');
    sink.push(strRepr(key));
    sink.push(': ');
    writeRepr(sink, item);
  });
  sink.push('}');
}

function writeView(sink: TextSink, view: PyView): void {
  if (view.kind === 'dict_keys' || view.kind === 'dict_values' || view.kind === 'dict_items') {
    writeSequence(sink, view.items, `${view.kind}([`, '])');
  } else {
    sink.push(`<${view.kind} object>`);
  }
}

function scalarStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? intStr(value) : floatRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyRange) {
    return value.step === 1
      ? `range(${value.start}, ${value.stop})`
      : `range(${value.start}, ${value.stop}, ${value.step})`;
  }
  if (value instanceof PySlice) return `slice(${pyRepr(value.start)}, ${pyRepr(value.stop)}, ${pyRepr(value.step)})`;
  if (value instanceof PyCallable) {
    return value.kind === 'lambda' ? '<function <lambda>>' : `<built-in function ${value.name}>`;
  }
  if (value instanceof PyModule) return `<module '${value.name}'>`;
  return '<object>';
}

/** Python `str()` of a value (spec 04 §6.6). */
export function pythonStr(value: unknown, maxLength = Number.POSITIVE_INFINITY): string {
  if (typeof value === 'string') {
    if (value.length > maxLength) throw new ExpressionRefusedError('produced text exceeds the length limit');
    return value;
  }
  const sink = new TextSink(maxLength);
  writeRepr(sink, value);
  return sink.toString();
}

/** Python `repr()` of a value. */
export function pyRepr(value: unknown, maxLength = Number.POSITIVE_INFINITY): string {
  const sink = new TextSink(maxLength);
  writeRepr(sink, value);
  return sink.toString();
}
