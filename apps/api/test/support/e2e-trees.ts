import {
  buildTree,
  ConditionalParallelGateway,
  ConvergeGateway,
  EmptyEndEvent,
  EmptyStartEvent,
  ExclusiveGateway,
  type PipelineTree,
  ServiceActivity,
  Var,
} from '@bamboo/engine';

export interface BuiltTree<K extends string> {
  tree: PipelineTree;
  ids: Record<K, string>;
}

function activity(code: string, inputs: Record<string, unknown> = {}, name?: string): ServiceActivity {
  const act = new ServiceActivity({ componentCode: code, name });
  for (const [key, value] of Object.entries(inputs)) act.component.inputs[key] = new Var(Var.PLAIN, value);
  return act;
}

/** start → echo → end. */
export function echoTree(name = 'e2e echo'): BuiltTree<'echo'> {
  const start = new EmptyStartEvent();
  const echo = activity('e2e_echo', { message: 'hello' });
  start.extend(echo).extend(new EmptyEndEvent());
  const tree = buildTree(start);
  tree.name = name;
  return { tree, ids: { echo: echo.id } };
}

/** start → fail_unless_ok(ok=false) → echo → end. */
export function failingTree(): BuiltTree<'failing' | 'after'> {
  const start = new EmptyStartEvent();
  const failing = activity('e2e_fail_unless_ok', { ok: false });
  const after = activity('e2e_echo', { step: 'after' });
  start.extend(failing).extend(after).extend(new EmptyEndEvent());
  return { tree: buildTree(start), ids: { failing: failing.id, after: after.id } };
}

/** start → echo → fail_unless_ok(ok=false) → end: a rollback from the failure back to the echo. */
export function echoThenFailTree(): BuiltTree<'echo' | 'failing'> {
  const start = new EmptyStartEvent();
  const echo = activity('e2e_echo', { step: 'before' });
  const failing = activity('e2e_fail_unless_ok', { ok: false });
  start.extend(echo).extend(failing).extend(new EmptyEndEvent());
  return { tree: buildTree(start), ids: { echo: echo.id, failing: failing.id } };
}

/** start → wait_callback → echo → end. */
export function callbackTree(): BuiltTree<'wait' | 'after'> {
  const start = new EmptyStartEvent();
  const wait = activity('bamboo_wait_callback');
  const after = activity('e2e_echo', { step: 'after' });
  start.extend(wait).extend(after).extend(new EmptyEndEvent());
  return { tree: buildTree(start), ids: { wait: wait.id, after: after.id } };
}

/** An exclusive gateway whose conditions never match and that has no default flow. */
export function unmatchedExclusiveTree(): BuiltTree<'gateway' | 'left' | 'right' | 'toLeft'> {
  const start = new EmptyStartEvent();
  const gateway = new ExclusiveGateway({ conditions: { 0: '1 == 2', 1: '2 == 3' } });
  const left = activity('e2e_echo', { side: 'left' });
  const right = activity('e2e_echo', { side: 'right' });
  start.extend(gateway).connect(left, right).to(gateway).converge(new ConvergeGateway()).extend(new EmptyEndEvent());
  const tree = buildTree(start);
  const flows = Object.values(tree.flows);
  const flowTo = (target: string) => flows.find((flow) => flow.target === target)!.id;
  return { tree, ids: { gateway: gateway.id, left: left.id, right: right.id, toLeft: flowTo(left.id) } };
}

/** A conditional parallel gateway whose conditions never match and that has no default flow. */
export function unmatchedConditionalTree(): BuiltTree<
  'gateway' | 'converge' | 'left' | 'right' | 'toLeft' | 'toRight'
> {
  const start = new EmptyStartEvent();
  const gateway = new ConditionalParallelGateway({ conditions: { 0: '1 == 2', 1: '2 == 3' } });
  const left = activity('e2e_echo', { side: 'left' });
  const right = activity('e2e_echo', { side: 'right' });
  const converge = new ConvergeGateway();
  start.extend(gateway).connect(left, right).to(gateway).converge(converge).extend(new EmptyEndEvent());
  const tree = buildTree(start);
  const flows = Object.values(tree.flows);
  const flowTo = (target: string) => flows.find((flow) => flow.target === target)!.id;
  return {
    tree,
    ids: {
      gateway: gateway.id,
      converge: converge.id,
      left: left.id,
      right: right.id,
      toLeft: flowTo(left.id),
      toRight: flowTo(right.id),
    },
  };
}
