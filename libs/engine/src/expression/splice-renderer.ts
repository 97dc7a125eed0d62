import { EvalBudget } from './eval-budget';
import { EXPRESSION_LIMITS, type ExpressionOptions } from './expression-limits';
import { PythonInterpreter } from './python-interpreter';
import { pythonStr } from './python-str';
import { dictEntries, isPlainDict, ownDataValue } from './py-values';
import { compileTemplate } from './template-compiler';
import { applyFilters } from './template-filters';

/** Spec 04 §6.1: `${`, one or more characters other than `$ { } #`, then `}`. */
const TEMPLATE = /\$\{[^${}#]+\}/g;

function findTemplates(text: string): RegExpExecArray[] {
  if (!text.includes('${')) return [];
  // An exec loop on the shared pattern: matchAll clones the RegExp on every call (~3x slower).
  const matches: RegExpExecArray[] = [];
  TEMPLATE.lastIndex = 0;
  for (let match = TEMPLATE.exec(text); match !== null; match = TEMPLATE.exec(text)) matches.push(match);
  TEMPLATE.lastIndex = 0;
  return matches;
}

/** Evaluates one template body to its text, or undefined when it must stay literal (§6.4). */
export function evaluateTemplateBody(
  body: string,
  variables: Record<string, unknown>,
  options: ExpressionOptions = {},
): string | undefined {
  const compiled = compileTemplate(body);
  if (compiled.ast === undefined || compiled.refusal !== undefined) return undefined;
  try {
    const budget = new EvalBudget(options);
    const interpreter = new PythonInterpreter({ variables, modules: options.modules ?? {}, budget });
    const value = interpreter.evaluate(compiled.ast.expr);
    return applyFilters(pythonStr(value, EXPRESSION_LIMITS.maxProducedLength), compiled.ast.filters);
  } catch {
    // Python errors, refused limits and stack exhaustion alike leave the template literal.
    return undefined;
  }
}

function renderString(text: string, variables: Record<string, unknown>, options: ExpressionOptions): unknown {
  const matches = findTemplates(text);
  if (matches.length === 0) return text;
  const only = matches[0];
  if (matches.length === 1 && only !== undefined && only[0] === text) {
    const exact = ownDataValue(variables, text.slice(2, -1));
    if (exact.found) return exact.value;
  }
  const rendered = new Map<string, string | undefined>();
  let out = '';
  let last = 0;
  for (const match of matches) {
    const template = match[0];
    if (!rendered.has(template))
      rendered.set(template, evaluateTemplateBody(template.slice(2, -1), variables, options));
    const index = match.index ?? 0;
    out += text.slice(last, index) + (rendered.get(template) ?? template);
    last = index + template.length;
  }
  return out + text.slice(last);
}

/** Spec 04 §6.3: render strings, arrays and object values; never throws. */
export function renderTemplate(
  value: unknown,
  variables: Record<string, unknown>,
  options: ExpressionOptions = {},
): unknown {
  if (typeof value === 'string') return renderString(value, variables, options);
  if (Array.isArray(value)) return value.map((item) => renderTemplate(item, variables, options));
  if (isPlainDict(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of dictEntries(value)) {
      // defineProperty keeps a `__proto__` key an own data property instead of invoking the setter.
      Object.defineProperty(out, key, {
        value: renderTemplate(item, variables, options),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

function collectReferences(value: unknown, out: Set<string>, seen: Set<object>): void {
  if (typeof value === 'string') {
    for (const match of findTemplates(value))
      compileTemplate(match[0].slice(2, -1)).references.forEach((n) => out.add(n));
  } else if (Array.isArray(value) || isPlainDict(value)) {
    if (seen.has(value)) return;
    seen.add(value);
    const items = Array.isArray(value) ? value : dictEntries(value).map(([, item]) => item);
    items.forEach((item) => collectReferences(item, out, seen));
  }
}

/** `${name}` keys referenced by every template found in `value` (spec 04 §6.2), in first-seen order. */
export function extractReferences(value: unknown): string[] {
  const out = new Set<string>();
  collectReferences(value, out, new Set());
  return [...out];
}
