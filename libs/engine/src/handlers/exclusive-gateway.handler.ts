import type { ConditionalGatewayDefinition } from '../runtime/node-definition';
import { defaultTargetOf, evaluateGatewayConditions } from './gateway-conditions';
import { failNode, finishNode } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';

const STRATEGY_NAMES: Record<string, 'ONLY' | 'FIRST'> = { ONLY: 'ONLY', FIRST: 'FIRST', '1': 'ONLY', '2': 'FIRST' };

/** Exclusive gateway: exactly one branch, in the same process (spec 03 §4.9). */
export class ExclusiveGatewayHandler implements NodeHandler<ConditionalGatewayDefinition> {
  readonly runsUserCode = false;

  async execute(step: NodeStep<ConditionalGatewayDefinition>): Promise<ExecuteOutcome> {
    const strategy =
      STRATEGY_NAMES[String(step.node.extraInfo.strategy)] ?? step.services.settings.exclusiveGatewayStrategy;
    const result = await evaluateGatewayConditions(step, strategy === 'FIRST');
    if ('error' in result) return failNode(step, result.error);
    const { matched } = result;
    if (matched.length > 1) {
      return failNode(step, `multiple conditions meet: [${matched.map((c) => `'${c.flowId}'`).join(', ')}]`);
    }
    const target = matched[0]?.targetId ?? defaultTargetOf(step.node);
    if (target === undefined) return failNode(step, 'all conditions of branches are not meet');
    return finishNode(step, target);
  }
}
