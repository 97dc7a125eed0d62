const ALREADY_ESCAPED = /\\[nrt]/;
const CONTROL = /[\n\r\t]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Spec 04 §9.6: before a condition is rendered, real newlines/tabs in string values become the
 * two-character escapes, so a rendered string literal stays on one line; the STRING token of the
 * rule language turns them back. Text that already contains such an escape is left alone.
 */
export function normaliseEscapes(text: string): string {
  if (ALREADY_ESCAPED.test(text)) return text;
  return text.replace(CONTROL, (ch) => ESCAPES[ch] ?? ch);
}

export function normaliseVariables(variables: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(variables)) {
    const descriptor = Object.getOwnPropertyDescriptor(variables, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const value: unknown = descriptor.value;
    out[key] = typeof value === 'string' ? normaliseEscapes(value) : value;
  }
  return out;
}
