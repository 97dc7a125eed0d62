/** AST of the Python-expression subset (spec 04 §6.5). `pos` is the source offset, used to order references. */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';
export type Target = { type: 'target'; name: string; pos: number } | { type: 'targets'; items: Target[] };

export type CompClause = { kind: 'for'; target: Target; iter: PyNode } | { kind: 'if'; test: PyNode };

export interface Keyword {
  name: string;
  value: PyNode;
}

export type PyNode =
  | { type: 'const'; value: unknown }
  | { type: 'name'; name: string; pos: number }
  | { type: 'list'; items: PyNode[] }
  | { type: 'tuple'; items: PyNode[] }
  | { type: 'unary'; op: '-' | '+' | 'not'; operand: PyNode }
  | { type: 'binary'; op: '+' | '-' | '*' | '/' | '//' | '%' | '**'; left: PyNode; right: PyNode }
  | { type: 'bool'; op: 'and' | 'or'; left: PyNode; right: PyNode }
  | { type: 'compare'; first: PyNode; ops: CompareOp[]; rest: PyNode[] }
  | { type: 'ifexp'; test: PyNode; body: PyNode; orelse: PyNode }
  | { type: 'attr'; object: PyNode; name: string }
  | { type: 'index'; object: PyNode; index: PyNode }
  | { type: 'slice'; object: PyNode; lower?: PyNode; upper?: PyNode; step?: PyNode }
  | { type: 'call'; callee: PyNode; args: PyNode[]; kwargs: Keyword[] }
  | { type: 'listcomp'; element: PyNode; clauses: CompClause[] }
  | { type: 'genexp'; element: PyNode; clauses: CompClause[] }
  | { type: 'lambda'; params: string[]; body: PyNode };

/** One `${…}` body: an expression and its Mako filters. */
export interface TemplateAst {
  expr: PyNode;
  filters: string[];
}
