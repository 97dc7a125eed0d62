import {
  buildTree,
  ConvergeGateway,
  EmptyEndEvent,
  EmptyStartEvent,
  type Element,
  ParallelGateway,
  type PipelineTree,
  ServiceActivity,
  Var,
} from '@bamboo/engine';

function activity(code: string, index: number): ServiceActivity {
  const act = new ServiceActivity({ componentCode: code, name: `${code} ${index}` });
  if (code === 'debug_node') act.component.inputs.param_1 = new Var(Var.PLAIN, `value ${index}`);
  return act;
}

/** start → `length` activities of `code` in sequence → end. */
export function sequenceTree(code: string, length: number): PipelineTree {
  const start = new EmptyStartEvent();
  let tail: Element = start;
  for (let i = 0; i < length; i++) tail = tail.extend(activity(code, i));
  tail.extend(new EmptyEndEvent());
  return buildTree(start);
}

/** start → parallel gateway → `branches` branches of `depth` activities → converge → end. */
export function parallelTree(code: string, branches: number, depth: number): PipelineTree {
  const start = new EmptyStartEvent();
  const fork = start.extend(new ParallelGateway());
  for (let b = 0; b < branches; b++) {
    let tail: Element = fork.extend(activity(code, b * depth));
    for (let d = 1; d < depth; d++) tail = tail.extend(activity(code, b * depth + d));
  }
  fork.converge(new ConvergeGateway()).extend(new EmptyEndEvent());
  return buildTree(start);
}
