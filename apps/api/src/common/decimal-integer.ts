/**
 * A number in a path or query parameter is written one way only: decimal digits without leading
 * zeros, '-' before a negative one. `Number()` (what Nest's and class-transformer's conversions
 * use) also reads '0x10', '0b1', '1e3', '+5', ' 12', '1.0' and '' (as 0), so another text than
 * the caller meant could name a task, a loop or a page size.
 */
const DECIMAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

/** Whether `text` is a plain decimal integer (of any size). */
export function isDecimalInteger(text: string): boolean {
  return DECIMAL_INTEGER.test(text);
}

/** The safe integer `text` spells, or undefined when it is not a plain decimal integer or too large. */
export function parseDecimalInteger(text: string): number | undefined {
  if (!isDecimalInteger(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * What an integer query field of a DTO is given to validate (`@Transform`): the number for a plain
 * decimal integer, anything else as it came, so that `@IsInt()` refuses it naming the field.
 */
export function decimalIntegerOrRaw({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  return parseDecimalInteger(value) ?? value;
}
