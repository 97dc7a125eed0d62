import type { ConvergeGatewayDefinition } from '../runtime/node-definition';
import { finishNode } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';
import { successorOf } from './node-handler';

/** Converge gateway: reached by the woken parent (parallel) or the single arriving process (exclusive). */
export class ConvergeGatewayHandler implements NodeHandler<ConvergeGatewayDefinition> {
  readonly runsUserCode = false;

  execute(step: NodeStep<ConvergeGatewayDefinition>): Promise<ExecuteOutcome> {
    return Promise.resolve(finishNode(step, successorOf(step.node)));
  }
}
