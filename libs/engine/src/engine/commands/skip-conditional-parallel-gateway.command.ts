import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError, NotFoundError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';
import { addHistory } from './node-history';
import { OperatorTarget } from './operator-target';

/**
 * `skip_conditional_parallel_gateway` (spec 06 A.12): a FAILED conditional parallel gateway forks
 * one child per chosen flow toward its converge gateway, and is finished as skipped — one commit.
 * Decision: `flowIds` must not be empty and `convergeGatewayId` must be the gateway's own.
 */
export async function skipConditionalParallelGateway(
  ctx: CommandContext,
  nodeId: string,
  flowIds: string[],
  convergeGatewayId: string,
): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const node = target.nodeOfType('ConditionalParallelGateway');
  if (flowIds.length === 0) throw new InvalidOperationError('flow_ids must not be empty');
  if (convergeGatewayId !== node.convergeGatewayId) {
    throw new InvalidOperationError(`converge gateway of node(${nodeId}) is ${node.convergeGatewayId ?? 'none'}`);
  }
  const targets = flowIds.map((flowId) => {
    const flow = node.targets.find((candidate) => candidate.flowId === flowId);
    if (!flow) throw new NotFoundError(`flow(${flowId}) is not an outgoing flow of node(${nodeId})`);
    return flow.targetId;
  });
  const state = target.stateIn('FAILED');
  const process = target.sleepingProcess();
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  const proc = new ProcessEffects(process, process.taskToken, ctx.services);
  proc.fork(effects, targets, convergeGatewayId, process.pipelineStack);
  proc.writeTo(effects);
  addHistory(ctx, effects, target);
  effects.setState(nodeId, 'FINISHED', { setSkip: true, refreshVersion: true, setArchived: true });
  await commitWithHooks(ctx, effects, {
    pre: {
      event_type: 'pre_skip_conditional_parallel_gateway',
      data: { node_id: nodeId, flow_ids: flowIds, converge_gateway_id: convergeGatewayId },
    },
    post: () => ({
      event_type: 'post_skip_conditional_parallel_gateway',
      data: { node_id: nodeId, flow_ids: flowIds, converge_gateway_id: convergeGatewayId },
    }),
    target,
  });
}
