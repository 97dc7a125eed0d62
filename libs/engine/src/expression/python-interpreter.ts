import { type EvalBudget } from './eval-budget';
import { PyError, typeError, valueError } from './expression-errors';
import { binaryOp, unaryOp } from './py-arithmetic';
import { BUILTINS } from './py-builtins';
import { boundMethod } from './py-methods';
import { iterate, pyContains, pyEquals, pyOrder, truthy } from './py-ops';
import { getItem, getSlice } from './py-subscript';
import { type CompareOp, type CompClause, type PyNode, type Target } from './python-ast';
import { ownDataValue, PyCallable, PyFloat, type PyKwargs, PyModule, PyTuple, PyView } from './py-values';

type HostFunction = (...args: unknown[]) => unknown;

export interface InterpreterEnv {
  variables: Record<string, unknown>;
  modules: Record<string, Record<string, HostFunction>>;
  budget: EvalBudget;
}

/** Lambda and comprehension bindings; prototype-less so no name can resolve to a JS builtin. */
type Scope = Map<string, unknown>;

function isIdentical(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a instanceof PyFloat && b instanceof PyFloat) return a === b || a.value === b.value;
  return a === b;
}

function compare(op: CompareOp, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return pyEquals(a, b);
    case '!=':
      return !pyEquals(a, b);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return pyOrder(a, b, op);
    case 'in':
      return pyContains(b, a);
    case 'not in':
      return !pyContains(b, a);
    case 'is':
      return isIdentical(a, b);
    case 'is not':
      return !isIdentical(a, b);
  }
}

/** Host helpers get plain JS values (no interpreter wrappers) and give back JSON-like values. */
function toHost(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyTuple || value instanceof PyView) return value.items.map(toHost);
  if (Array.isArray(value)) return value.map(toHost);
  return value;
}

/** Tree-walking evaluator of the AST; every node costs one step of the budget. */
export class PythonInterpreter {
  constructor(private readonly env: InterpreterEnv) {}

  evaluate(node: PyNode, scope: Scope = new Map()): unknown {
    this.env.budget.step();
    switch (node.type) {
      case 'const':
        return node.value;
      case 'name':
        return this.lookup(node.name, scope);
      case 'list':
        return node.items.map((item) => this.evaluate(item, scope));
      case 'tuple':
        return new PyTuple(node.items.map((item) => this.evaluate(item, scope)));
      case 'unary': {
        const operand = this.evaluate(node.operand, scope);
        return node.op === 'not' ? !truthy(operand) : unaryOp(node.op, operand, this.env.budget);
      }
      case 'binary':
        return binaryOp(node.op, this.evaluate(node.left, scope), this.evaluate(node.right, scope), this.env.budget);
      case 'bool': {
        const left = this.evaluate(node.left, scope);
        if (node.op === 'and' ? !truthy(left) : truthy(left)) return left;
        return this.evaluate(node.right, scope);
      }
      case 'compare':
        return this.compareChain(node.first, node.ops, node.rest, scope);
      case 'ifexp':
        return truthy(this.evaluate(node.test, scope))
          ? this.evaluate(node.body, scope)
          : this.evaluate(node.orelse, scope);
      case 'attr':
        return this.attribute(this.evaluate(node.object, scope), node.name);
      case 'index':
        return getItem(this.evaluate(node.object, scope), this.evaluate(node.index, scope), this.env.budget);
      case 'slice': {
        const [lower, upper, step] = [node.lower, node.upper, node.step].map((p) =>
          p ? this.evaluate(p, scope) : null,
        );
        return getSlice(this.evaluate(node.object, scope), lower, upper, step, this.env.budget);
      }
      case 'call':
        return this.call(node.callee, node.args, node.kwargs, scope);
      case 'listcomp':
        return this.comprehension(node.element, node.clauses, scope);
      case 'genexp':
        return new PyView('generator', this.comprehension(node.element, node.clauses, scope));
      case 'lambda':
        return this.lambda(node.params, node.body, scope);
    }
  }

  private lookup(name: string, scope: Scope): unknown {
    if (scope.has(name)) return scope.get(name);
    const variable = ownDataValue(this.env.variables, name);
    if (variable.found) return variable.value;
    const module = ownDataValue(this.env.modules, name);
    if (module.found) return new PyModule(name, module.value as Record<string, HostFunction>);
    const builtin = ownDataValue(BUILTINS, name);
    if (builtin.found) {
      const impl = builtin.value as (typeof BUILTINS)[string];
      return new PyCallable(name, 'builtin', (args, kwargs) => impl(args, kwargs, this.env.budget));
    }
    throw new PyError('NameError', `name '${name}' is not defined`);
  }

  private attribute(object: unknown, name: string): unknown {
    if (!(object instanceof PyModule)) return boundMethod(object, name, this.env.budget);
    const member = ownDataValue(object.members, name);
    if (!member.found || typeof member.value !== 'function') {
      throw new PyError('AttributeError', `module '${object.name}' has no attribute '${name}'`);
    }
    const fn = member.value as HostFunction;
    return new PyCallable(`${object.name}.${name}`, 'helper', (args, kwargs) => {
      if (kwargs.size > 0) throw typeError(`${object.name}.${name}() takes no keyword arguments`);
      return fn(...args.map(toHost));
    });
  }

  private compareChain(first: PyNode, ops: CompareOp[], rest: PyNode[], scope: Scope): boolean {
    let left = this.evaluate(first, scope);
    for (let i = 0; i < ops.length; i += 1) {
      const right = this.evaluate(rest[i] as PyNode, scope);
      if (!compare(ops[i] as CompareOp, left, right)) return false;
      left = right;
    }
    return true;
  }

  private call(
    calleeNode: PyNode,
    argNodes: PyNode[],
    kwNodes: { name: string; value: PyNode }[],
    scope: Scope,
  ): unknown {
    const callee = this.evaluate(calleeNode, scope);
    if (!(callee instanceof PyCallable)) throw typeError(`object is not callable`);
    const args = argNodes.map((arg) => this.evaluate(arg, scope));
    const kwargs: PyKwargs = new Map();
    for (const kw of kwNodes) {
      if (kwargs.has(kw.name)) throw typeError(`keyword argument repeated: ${kw.name}`);
      kwargs.set(kw.name, this.evaluate(kw.value, scope));
    }
    this.env.budget.enterCall();
    try {
      return callee.call(args, kwargs);
    } finally {
      this.env.budget.leaveCall();
    }
  }

  private lambda(params: string[], body: PyNode, closure: Scope): PyCallable {
    return new PyCallable('<lambda>', 'lambda', (args, kwargs) => {
      const scope: Scope = new Map(closure);
      params.forEach((param, i) => {
        if (i < args.length) scope.set(param, args[i]);
        else if (kwargs.has(param)) scope.set(param, kwargs.get(param));
        else throw typeError(`<lambda>() missing required positional argument: '${param}'`);
      });
      if (args.length > params.length) throw typeError('<lambda>() got too many positional arguments');
      for (const key of kwargs.keys()) {
        if (!params.includes(key) || params.indexOf(key) < args.length)
          throw typeError(`<lambda>() bad keyword '${key}'`);
      }
      return this.evaluate(body, scope);
    });
  }

  private bind(target: Target, value: unknown, scope: Scope): void {
    if (target.type === 'target') {
      scope.set(target.name, value);
      return;
    }
    const items = iterate(value);
    if (items.length !== target.items.length) {
      throw valueError(`expected ${target.items.length} values to unpack, got ${items.length}`);
    }
    target.items.forEach((sub, i) => this.bind(sub, items[i], scope));
  }

  private comprehension(element: PyNode, clauses: CompClause[], outer: Scope): unknown[] {
    const out: unknown[] = [];
    // Python 3 gives a comprehension one scope of its own; its first iterable is evaluated outside.
    const scope: Scope = new Map(outer);
    const run = (index: number): void => {
      const clause = clauses[index];
      if (clause === undefined) {
        out.push(this.evaluate(element, scope));
        this.env.budget.checkLength(out.length);
        return;
      }
      if (clause.kind === 'if') {
        if (truthy(this.evaluate(clause.test, scope))) run(index + 1);
        return;
      }
      const items = iterate(this.evaluate(clause.iter, index === 0 ? outer : scope));
      for (const item of items) {
        this.env.budget.step();
        this.bind(clause.target, item, scope);
        run(index + 1);
      }
    };
    run(0);
    return out;
  }
}
