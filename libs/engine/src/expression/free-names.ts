import { type CompClause, type PyNode, type Target } from './python-ast';

interface Found {
  name: string;
  pos: number;
}

function bindTarget(target: Target, scope: Set<string>): void {
  if (target.type === 'target') scope.add(target.name);
  else target.items.forEach((item) => bindTarget(item, scope));
}

function visitComprehension(element: PyNode, clauses: CompClause[], outer: ReadonlySet<string>, out: Found[]): void {
  const scope = new Set(outer);
  clauses.forEach((clause, index) => {
    if (clause.kind === 'for') {
      // The first iterable is evaluated in the enclosing scope, as in Python.
      visit(clause.iter, index === 0 ? outer : scope, out);
      bindTarget(clause.target, scope);
    } else {
      visit(clause.test, scope, out);
    }
  });
  visit(element, scope, out);
}

function visit(node: PyNode | undefined, scope: ReadonlySet<string>, out: Found[]): void {
  if (node === undefined) return;
  switch (node.type) {
    case 'const':
      return;
    case 'name':
      if (!scope.has(node.name)) out.push({ name: node.name, pos: node.pos });
      return;
    case 'list':
    case 'tuple':
      return node.items.forEach((item) => visit(item, scope, out));
    case 'unary':
      return visit(node.operand, scope, out);
    case 'binary':
    case 'bool':
      visit(node.left, scope, out);
      return visit(node.right, scope, out);
    case 'compare':
      visit(node.first, scope, out);
      return node.rest.forEach((item) => visit(item, scope, out));
    case 'ifexp':
      [node.body, node.test, node.orelse].forEach((part) => visit(part, scope, out));
      return;
    case 'attr':
      return visit(node.object, scope, out);
    case 'index':
      visit(node.object, scope, out);
      return visit(node.index, scope, out);
    case 'slice':
      [node.object, node.lower, node.upper, node.step].forEach((part) => visit(part, scope, out));
      return;
    case 'call':
      visit(node.callee, scope, out);
      node.args.forEach((arg) => visit(arg, scope, out));
      return node.kwargs.forEach((kw) => visit(kw.value, scope, out));
    case 'listcomp':
    case 'genexp':
      return visitComprehension(node.element, node.clauses, scope, out);
    case 'lambda':
      return visit(node.body, new Set([...scope, ...node.params]), out);
  }
}

/** Free identifiers of an expression in source order, deduplicated (spec 04 §6.2). */
export function freeNames(node: PyNode): string[] {
  const found: Found[] = [];
  visit(node, new Set(), found);
  found.sort((a, b) => a.pos - b.pos);
  return [...new Set(found.map((f) => f.name))];
}
