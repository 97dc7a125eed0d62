import { ExpressionRefusedError } from './expression-errors';
import { EXPRESSION_LIMITS } from './expression-limits';
import { type CompClause, type PyNode, type Target, type TemplateAst } from './python-ast';

/** Names refused even when present in the context (spec 04 §10 rule 7). */
const RESERVED_NAMES = new Set([
  'self',
  'context',
  'local',
  'parent',
  'next',
  'caller',
  'pageargs',
  'UNDEFINED',
  'STOP_RENDERING',
]);

/** Attribute names refused anywhere in a chain (§10 rules 5 and 8). */
const DANGEROUS_ATTRIBUTES = new Set(
  (
    'format format_map os sys subprocess shutil ctypes socket _thread threading builtins __builtins__ modules ' +
    'popen popen2 popen3 popen4 system spawnl spawnle spawnlp spawnlpe spawnv spawnve spawnvp spawnvpe execl ' +
    'execle execlp execlpe execv execve execvp execvpe fork forkpty kill'
  ).split(' '),
);

/** Filters of §6.5 (`entity` and `decode.*` are deliberately unsupported). */
export const ALLOWED_FILTERS = new Set(['h', 'x', 'u', 'trim', 'n', 'str', 'unicode']);

function refuse(message: string): never {
  throw new ExpressionRefusedError(message);
}

function checkName(name: string): void {
  if (name.startsWith('__')) refuse(`name '${name}' starts with '__'`);
  if (RESERVED_NAMES.has(name)) refuse(`name '${name}' is reserved`);
}

function checkTarget(target: Target): void {
  if (target.type === 'target') checkName(target.name);
  else target.items.forEach(checkTarget);
}

function checkClauses(clauses: CompClause[], depth: number): void {
  for (const clause of clauses) {
    if (clause.kind === 'for') {
      checkTarget(clause.target);
      checkNode(clause.iter, depth);
    } else {
      checkNode(clause.test, depth);
    }
  }
}

function checkNode(node: PyNode | undefined, depth: number): void {
  if (node === undefined) return;
  if (depth > EXPRESSION_LIMITS.maxAstDepth) refuse('expression nests too deeply');
  const next = depth + 1;
  switch (node.type) {
    case 'const':
      return;
    case 'name':
      return checkName(node.name);
    case 'list':
    case 'tuple':
      return node.items.forEach((item) => checkNode(item, next));
    case 'unary':
      return checkNode(node.operand, next);
    case 'binary':
    case 'bool':
      checkNode(node.left, next);
      return checkNode(node.right, next);
    case 'compare':
      checkNode(node.first, next);
      return node.rest.forEach((item) => checkNode(item, next));
    case 'ifexp':
      checkNode(node.test, next);
      checkNode(node.body, next);
      return checkNode(node.orelse, next);
    case 'attr':
      if (node.name.startsWith('_')) refuse(`attribute '${node.name}' starts with '_'`);
      if (DANGEROUS_ATTRIBUTES.has(node.name)) refuse(`attribute '${node.name}' is not allowed`);
      return checkNode(node.object, next);
    case 'index':
      if (node.index.type === 'const' && typeof node.index.value === 'string' && node.index.value.startsWith('__')) {
        refuse('subscript key starts with __');
      }
      checkNode(node.object, next);
      return checkNode(node.index, next);
    case 'slice':
      [node.object, node.lower, node.upper, node.step].forEach((part) => checkNode(part, next));
      return;
    case 'call':
      checkNode(node.callee, next);
      node.args.forEach((arg) => checkNode(arg, next));
      return node.kwargs.forEach((kw) => {
        checkName(kw.name);
        checkNode(kw.value, next);
      });
    case 'listcomp':
    case 'genexp':
      checkClauses(node.clauses, next);
      return checkNode(node.element, next);
    case 'lambda':
      node.params.forEach(checkName);
      return checkNode(node.body, next);
  }
}

/** Static security and size checks of spec 04 §10 (rules 2–8 and the AST depth limit). */
export function guardTemplate(ast: TemplateAst): void {
  for (const filter of ast.filters) {
    if (!ALLOWED_FILTERS.has(filter)) refuse(`filter '${filter}' is not allowed`);
  }
  checkNode(ast.expr, 1);
}
