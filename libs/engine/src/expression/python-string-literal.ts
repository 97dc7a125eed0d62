import { PyError } from './expression-errors';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

function hexEscape(body: string, start: number, length: number): [string, number] {
  const hex = body.slice(start, start + length);
  if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw new PyError('SyntaxError', 'truncated escape');
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) throw new PyError('SyntaxError', 'illegal Unicode character');
  return [String.fromCodePoint(code), start + length];
}

/** Decodes the body of a Python string literal (between the quotes). */
export function decodePythonString(literal: string): string {
  const prefixLength = /^[rRuU]/.test(literal) ? 1 : 0;
  const raw = /^[rR]/.test(literal);
  const body = literal.slice(prefixLength + 1, -1);
  if (raw) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      out += ch;
      i += 1;
      continue;
    }
    const next = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const [text, end] = hexEscape(body, i + 2, next === 'x' ? 2 : next === 'u' ? 4 : 8);
      out += text;
      i = end;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? '0';
      out += String.fromCodePoint(parseInt(octal, 8));
      i += 1 + octal.length;
    } else {
      // Python keeps unknown escapes verbatim.
      out += ch + next;
      i += 2;
    }
  }
  return out;
}
