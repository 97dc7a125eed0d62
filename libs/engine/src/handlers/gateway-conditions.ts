import { loadHydratedContext } from '../data/context-loader';
import { deformatKeys } from '../data/context-keys';
import { evaluateCondition } from '../expression';
import { referencesOf } from '../data/references';
import type { ConditionalGatewayDefinition, GatewayCondition } from '../runtime/node-definition';
import { errorText } from './node-failure';
import type { NodeStep } from './node-handler';
import { topPipelineOf } from './node-handler';

export type ConditionsResult = { matched: GatewayCondition[] } | { error: string };

/**
 * Evaluates a gateway's conditions in tree order against the hydrated top context (spec 03 §4.9
 * steps 1–3). With `stopAtFirst`, evaluation stops at the first true condition; an error in any
 * evaluated condition fails the gateway.
 */
export async function evaluateGatewayConditions(
  step: NodeStep<ConditionalGatewayDefinition>,
  stopAtFirst: boolean,
): Promise<ConditionsResult> {
  const keys = [...new Set(step.node.conditions.flatMap((condition) => referencesOf(condition.evaluate)))];
  let variables: Record<string, unknown>;
  try {
    const hydrated = await loadHydratedContext(step.services, {
      pipelineId: topPipelineOf(step),
      keys,
      pipelineData: step.run.rootPipelineData,
      innerLoop: step.attempt.innerLoop,
    });
    variables = deformatKeys(hydrated);
  } catch (error) {
    return { error: `evaluation context hydrate failed(${errorText(error)}), check node log for details.` };
  }
  const matched: GatewayCondition[] = [];
  for (const condition of step.node.conditions) {
    try {
      if (!evaluateCondition(condition.evaluate, variables)) continue;
    } catch (error) {
      return { error: errorText(error) };
    }
    matched.push(condition);
    if (stopAtFirst) break;
  }
  return { matched };
}

/** Target of the default flow, if the gateway has one. */
export function defaultTargetOf(node: ConditionalGatewayDefinition): string | undefined {
  if (!node.defaultFlowId) return undefined;
  return node.targets.find((target) => target.flowId === node.defaultFlowId)?.targetId;
}
