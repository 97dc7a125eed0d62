import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import { NotFoundError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';
import { addHistory } from './node-history';
import { OperatorTarget } from './operator-target';

/**
 * `skip_exclusive_gateway` (spec 06 A.11): a FAILED exclusive gateway is finished as skipped and
 * its sleeping process continues along the flow the operator chose.
 */
export async function skipExclusiveGateway(ctx: CommandContext, nodeId: string, flowId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const node = target.nodeOfType('ExclusiveGateway');
  const flow = node.targets.find((candidate) => candidate.flowId === flowId);
  if (!flow) throw new NotFoundError(`flow(${flowId}) is not an outgoing flow of node(${nodeId})`);
  const state = target.stateIn('FAILED');
  const process = target.sleepingProcess();
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  addHistory(ctx, effects, target);
  effects.setState(nodeId, 'FINISHED', { setSkip: true, refreshVersion: true, setArchived: true });
  new ProcessEffects(process, process.taskToken, ctx.services).redispatch(effects, flow.targetId);
  await commitWithHooks(ctx, effects, {
    pre: { event_type: 'pre_skip_exclusive_gateway', data: { node_id: nodeId, flow_id: flowId } },
    post: () => ({ event_type: 'post_skip_exclusive_gateway', data: { node_id: nodeId, flow_id: flowId } }),
    target,
  });
}
