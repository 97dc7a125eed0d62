import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';
import { addHistory } from './node-history';
import { OperatorTarget } from './operator-target';

/**
 * `retry_subprocess` (spec 06 A.9): a SubProcess node that failed on entry goes READY again and
 * its sleeping process re-enters it from the start (the stack is popped if it still ends with it).
 */
export async function retrySubprocess(ctx: CommandContext, nodeId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  target.nodeOfType('SubProcess');
  const state = target.stateIn('FAILED');
  const process = target.sleepingProcess();
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  const proc = new ProcessEffects(process, process.taskToken, ctx.services);
  const stack = process.pipelineStack;
  if (stack[stack.length - 1] === nodeId) proc.patch({ pipelineStack: stack.slice(0, -1) });
  addHistory(ctx, effects, target);
  effects.setState(nodeId, 'READY', { incrementRetry: true, refreshVersion: true, clearTimes: true });
  proc.redispatch(effects, nodeId);
  await commitWithHooks(ctx, effects, {
    pre: { event_type: 'pre_retry_subprocess', data: { node_id: nodeId } },
    post: () => ({ event_type: 'post_retry_subprocess', data: { node_id: nodeId } }),
    target,
  });
}
