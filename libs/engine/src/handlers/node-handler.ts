import type { NodeDefinition, RunDefinition } from '../runtime/node-definition';
import type { NodeData, NodeStateRecord, ProcessRecord, ScheduleTypeCode } from '../runtime/runtime-records';
import type { EngineServices } from '../process/engine-services';
import type { StepEffects } from '../process/step-effects';

/**
 * What a handler decides (the result contract of spec 03 §3.1, as a union instead of flags).
 * The generic shell (`ExecuteRunner`) turns it into process changes and dispatches.
 */
export type ExecuteOutcome =
  /** Finished (or its failure was ignored): continue in the same process. */
  | { kind: 'next'; nextNodeId: string }
  /** The node failed and is FAILED: the process parks on it. */
  | { kind: 'failed' }
  /** The node waits for polls or callbacks: the process sleeps, a schedule is created. */
  | { kind: 'schedule'; scheduleType: ScheduleTypeCode }
  /** The node's schedule is recorded and its next poll dispatched (first poll in the step): the process sleeps. */
  | { kind: 'wait' }
  /** The node forked children toward `convergeGatewayId`: the parent sleeps until they join. */
  | { kind: 'fork'; targets: string[]; convergeGatewayId: string }
  /** The root pipeline ended: the process dies. */
  | { kind: 'die' };

/** The RUNNING attempt the shell opened for the node. */
export interface NodeAttempt {
  version: string;
  loop: number;
  innerLoop: number;
}

/** Everything a handler sees of one step. Handlers record effects; the shell commits them. */
export interface NodeStep<D extends NodeDefinition = NodeDefinition> {
  node: D;
  run: RunDefinition;
  attempt: NodeAttempt;
  process: ProcessRecord;
  /** The process's pipeline stack; handlers that push or pop it replace it here. */
  stack: string[];
  nodeData: NodeData | undefined;
  /** States of the pipelines on the stack when the step started. */
  pipelineStates: Record<string, NodeStateRecord>;
  effects: StepEffects;
  services: EngineServices;
  /** Commits what was collected so far (the shell calls it before user code runs). */
  flush(): Promise<void>;
}

export interface NodeHandler<D extends NodeDefinition = NodeDefinition> {
  /** True when the handler runs user code, so the RUNNING state must be committed first. */
  readonly runsUserCode: boolean;
  execute(step: NodeStep<D>): Promise<ExecuteOutcome>;
}

/** Top (innermost) pipeline of a step. */
export function topPipelineOf(step: { stack: string[] }): string {
  return step.stack[step.stack.length - 1]!;
}

/** The single successor of a node (events, activities, converge gateways). */
export function successorOf(node: NodeDefinition): string {
  return node.targets[0]?.targetId ?? '';
}
