import { guardTemplate } from './ast-guard';
import { EXPRESSION_LIMITS } from './expression-limits';
import { freeNames } from './free-names';
import { LruCache } from './lru-cache';
import { type TemplateAst } from './python-ast';
import { parsePythonTemplate } from './python-semantics';

/** Outcome of compiling one `${…}` body; cached because every node execution renders its inputs. */
export interface CompiledTemplate {
  /** Set when the body parsed. */
  ast?: TemplateAst;
  /** Free identifiers (spec 04 §6.2); empty when the body does not parse. */
  references: readonly string[];
  /** Why the body may not be evaluated (syntax error, security rule, limit); undefined when runnable. */
  refusal?: string;
}

const cache = new LruCache<string, CompiledTemplate>(4096);

/** Brackets nested deeper than the AST limit can never be accepted: refuse before the parser recurses. */
function bracketDepthExceeded(body: string): boolean {
  let depth = 0;
  for (const ch of body) {
    if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    if (depth > EXPRESSION_LIMITS.maxAstDepth) return true;
  }
  return false;
}

function compile(body: string): CompiledTemplate {
  if (body.length > EXPRESSION_LIMITS.maxExpressionLength) return { references: [], refusal: 'expression too long' };
  if (bracketDepthExceeded(body)) return { references: [], refusal: 'expression nests too deeply' };
  let ast: TemplateAst;
  try {
    ast = parsePythonTemplate(body);
  } catch (error) {
    // Includes RangeError from pathological unary chains exhausting the parser's stack.
    return { references: [], refusal: error instanceof Error ? error.message : 'syntax error' };
  }
  let references: string[] = [];
  try {
    references = freeNames(ast.expr);
    guardTemplate(ast);
    return { ast, references };
  } catch (error) {
    return { ast, references, refusal: error instanceof Error ? error.message : 'refused' };
  }
}

/** Compiles (or fetches from the LRU) the body of a `${…}` template. */
export function compileTemplate(body: string): CompiledTemplate {
  const cached = cache.get(body);
  if (cached) return cached;
  const compiled = compile(body);
  // Over-long bodies are refused in O(1); caching them would only let inputs grow the cache's memory.
  if (body.length <= EXPRESSION_LIMITS.maxExpressionLength) cache.set(body, compiled);
  return compiled;
}
