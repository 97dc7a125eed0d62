import { type EvalBudget } from './eval-budget';
import { PyError, typeError } from './expression-errors';
import { EXPRESSION_LIMITS } from './expression-limits';
import { floatRepr, intStr, pyRepr, pythonStr } from './python-str';
import { isNumeric, isPlainDict, num, ownDataValue, PyTuple, pyType } from './py-values';

const SPEC = /%(?:\(([^)]*)\))?([-+ 0#]*)(\d+)?(?:\.(\d+))?(.?)/g;

function formatNumber(arg: unknown, conversion: string, precision: number | undefined): string {
  if (!isNumeric(arg)) throw typeError(`%${conversion} format: a real number is required, not ${pyType(arg)}`);
  const value = num(arg);
  if (conversion === 'd' || conversion === 'i') {
    if (!Number.isFinite(value)) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return intStr(Math.trunc(value) + 0);
  }
  if (!Number.isFinite(value)) return floatRepr(value);
  const digits = Math.min(precision ?? 6, 100);
  return Math.abs(value) >= 1e21 ? floatRepr(value) : value.toFixed(digits);
}

function applyWidth(text: string, flags: string, width: number, numericConversion: boolean): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && numericConversion) {
    const sign = /^[+\- ]/.test(text) ? (text[0] ?? '') : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** Python `text % args` with `%s %r %d %i %f %F %%`, flags, width and precision. */
export function percentFormat(template: string, args: unknown, budget: EvalBudget): string {
  const positional = args instanceof PyTuple ? args.items : [args];
  const mapping = isPlainDict(args) ? args : undefined;
  let next = 0;
  let usedMapping = false;
  let produced = template.length;
  const take = (key: string | undefined): unknown => {
    if (key !== undefined) {
      if (!mapping) throw typeError('format requires a mapping');
      usedMapping = true;
      const entry = ownDataValue(mapping, key);
      if (!entry.found) throw new PyError('KeyError', key);
      return entry.value;
    }
    if (next >= positional.length) throw typeError('not enough arguments for format string');
    return positional[next++];
  };
  const out = template.replace(
    SPEC,
    (_match, key: string | undefined, flags: string, widthText, precisionText, conversion: string) => {
      if (conversion === '%') return '%';
      const arg = take(key);
      const width = Math.min(Number(widthText ?? 0), EXPRESSION_LIMITS.maxProducedLength);
      const precision = precisionText === undefined ? undefined : Number(precisionText);
      let text: string;
      if (conversion === 's') text = pythonStr(arg, EXPRESSION_LIMITS.maxProducedLength);
      else if (conversion === 'r') text = pyRepr(arg, EXPRESSION_LIMITS.maxProducedLength);
      else if ('difF'.includes(conversion) && conversion !== '') text = formatNumber(arg, conversion, precision);
      else throw new PyError('ValueError', `unsupported format character '${conversion}'`);
      if (conversion === 's' || conversion === 'r') text = precision === undefined ? text : text.slice(0, precision);
      else if (flags.includes('+') && !text.startsWith('-')) text = `+${text}`;
      else if (flags.includes(' ') && !text.startsWith('-')) text = ` ${text}`;
      const padded = applyWidth(text, flags, width, conversion !== 's' && conversion !== 'r');
      produced += padded.length;
      budget.checkLength(produced);
      return padded;
    },
  );
  if (!usedMapping && !mapping && next < positional.length) {
    throw typeError('not all arguments converted during string formatting');
  }
  budget.checkLength(out.length);
  return out;
}
