import type { ConditionalGatewayDefinition } from '../runtime/node-definition';
import { defaultTargetOf, evaluateGatewayConditions } from './gateway-conditions';
import { failNode } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';

/** Conditional parallel gateway: forks every branch whose condition holds (spec 03 §4.10). */
export class ConditionalParallelGatewayHandler implements NodeHandler<ConditionalGatewayDefinition> {
  readonly runsUserCode = false;

  async execute(step: NodeStep<ConditionalGatewayDefinition>): Promise<ExecuteOutcome> {
    const result = await evaluateGatewayConditions(step, false);
    if ('error' in result) return failNode(step, result.error);
    let targets = [...new Set(result.matched.map((condition) => condition.targetId))];
    if (targets.length === 0) {
      const fallback = defaultTargetOf(step.node);
      if (fallback === undefined) return failNode(step, 'all conditions of branches are not meet');
      targets = [fallback];
    }
    step.effects.setState(step.node.id, 'FINISHED', { setArchived: true });
    return { kind: 'fork', targets, convergeGatewayId: step.node.convergeGatewayId ?? '' };
  }
}
