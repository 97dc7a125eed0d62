import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { OperatorHooks } from './operator-hooks';
import { OperatorTarget } from './operator-target';

/**
 * `resume_pipeline` (spec 06 A.4): SUSPENDED → RUNNING and, in the same commit, every process
 * suspended by this pipeline is un-suspended and re-dispatched at its current node with a fresh
 * task token.
 */
export async function resumePipeline(ctx: CommandContext, pipelineId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, pipelineId);
  const state = target.state();
  if (state.name !== 'SUSPENDED') throw new InvalidOperationError(`pipeline(${pipelineId}) state is: ${state.name}`);
  const effects = new StepEffects(ctx.services);
  effects.observe(state, pipelineId);
  effects.setState(pipelineId, 'RUNNING');
  for (const process of target.snapshot.suspendedBy) {
    const proc = new ProcessEffects(process, process.taskToken, ctx.services);
    proc.redispatch(effects, process.currentNodeId, { suspended: false, suspendedBy: '' });
  }
  const hooks = new OperatorHooks(ctx);
  const pre = { pipeline_id: pipelineId };
  await hooks.event({ event_type: 'pre_resume_pipeline', data: pre });
  await effects.flush();
  await hooks.event({ event_type: 'post_resume_pipeline', data: pre });
}
