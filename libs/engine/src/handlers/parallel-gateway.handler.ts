import type { ParallelGatewayDefinition } from '../runtime/node-definition';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';

/** Parallel gateway: one child per outgoing target, joined at the converge gateway (spec 03 §4.8). */
export class ParallelGatewayHandler implements NodeHandler<ParallelGatewayDefinition> {
  readonly runsUserCode = false;

  execute(step: NodeStep<ParallelGatewayDefinition>): Promise<ExecuteOutcome> {
    step.effects.setState(step.node.id, 'FINISHED', { setArchived: true });
    const targets = [...new Set(step.node.targets.map((target) => target.targetId))];
    return Promise.resolve({ kind: 'fork', targets, convergeGatewayId: step.node.convergeGatewayId });
  }
}
