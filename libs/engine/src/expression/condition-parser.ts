import { type Node } from 'ohm-js';
import {
  type ConditionNode,
  type ConditionOperand,
  type ConditionOperator,
  type ConditionScalar,
} from './condition-ast';
import { conditionGrammar } from './condition-grammar';
import { ConditionError } from './expression-errors';
import { EXPRESSION_LIMITS } from './expression-limits';
import { LruCache } from './lru-cache';

type Built = ConditionNode | ConditionOperand | ConditionScalar | ConditionScalar[] | string;
const build = (n: Node): Built => (n as unknown as { cond(): Built }).cond();

/** STRING tokens turn the two-character sequences `\t \n \r \f` back into characters (§9.2). */
const STRING_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

const semantics = conditionGrammar.createSemantics().addOperation<Built>('cond', {
  Expression(first, op, rest) {
    if (op.numChildren === 0) return build(first);
    return {
      type: 'logic',
      op: op.child(0).sourceString.toLowerCase() as 'and' | 'or',
      first: build(first) as ConditionNode,
      rest: build(rest.child(0)) as ConditionNode,
    };
  },
  Condition_compare: (left, op, right) => ({
    type: 'compare',
    left: build(left) as ConditionOperand,
    op: op.sourceString.toLowerCase() as ConditionOperator,
    right: build(right) as ConditionOperand,
  }),
  Condition_group: (_open, inner, _close) => build(inner),
  Operand_list: (_open, items, _close) => ({
    kind: 'list',
    items: items.asIteration().children.map((item) => build(item) as ConditionScalar),
  }),
  Operand_scalar: (scalar) => ({ kind: 'scalar', scalar: build(scalar) as ConditionScalar }),
  real(_sign, _body, _exponent) {
    return { kind: 'real', value: Number(this.sourceString) };
  },
  integer(_sign, _digits, _exponent) {
    return { kind: 'integer', text: this.sourceString };
  },
  string(_choice) {
    const body = this.sourceString.slice(1, -1);
    return { kind: 'string', value: body.replace(/\\([tnrf])/g, (_m, c: string) => STRING_ESCAPES[c] ?? c) };
  },
  boolean(_word) {
    return { kind: 'boolean', value: this.sourceString.toLowerCase() === 'true' };
  },
  path(_first, _dots, _rest) {
    return { kind: 'path', value: this.sourceString };
  },
});

const matcher = conditionGrammar.matcher();

/** `*` alone means "always true" (§9.2); it has no AST. */
export type ParsedCondition = ConditionNode | 'always';

const cache = new LruCache<string, ParsedCondition | { error: string }>(2048);

function parenDepthExceeded(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth > EXPRESSION_LIMITS.maxAstDepth) return true;
  }
  return false;
}

function parse(text: string): ParsedCondition {
  if (text.trim() === '*') return 'always';
  if (text.length > EXPRESSION_LIMITS.maxExpressionLength) throw new ConditionError('condition is too long');
  if (parenDepthExceeded(text)) throw new ConditionError('condition nests too deeply');
  // Reused matcher: grammar.match builds a new one per call, which dominates the cost.
  matcher.setInput(text);
  const match = matcher.match('Expression');
  if (match.failed()) throw new ConditionError(`syntax error in condition: ${match.shortMessage ?? text}`);
  return (semantics(match) as unknown as { cond(): ConditionNode }).cond();
}

/** Parses a rendered condition; syntax errors are ConditionError (cached like successes). */
export function parseCondition(text: string): ParsedCondition {
  const cached = cache.get(text);
  if (typeof cached === 'object' && 'error' in cached) throw new ConditionError(cached.error);
  if (cached !== undefined) return cached;
  try {
    const parsed = parse(text);
    cache.set(text, parsed);
    return parsed;
  } catch (error) {
    // RangeError from a parser stack overflow lands here too: any failure is a syntax error.
    const message = error instanceof ConditionError ? error.message : 'invalid condition';
    if (text.length <= EXPRESSION_LIMITS.maxExpressionLength) cache.set(text, { error: message });
    throw new ConditionError(message);
  }
}
