import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { OperatorHooks } from './operator-hooks';
import { OperatorTarget } from './operator-target';

/**
 * `revoke_pipeline` (spec 06 A.5): the root pipeline goes REVOKED (terminal); processes die at
 * their next node boundary. Only root ids are accepted (Decision): revoking a subprocess would
 * never stop it and later break its completion.
 */
export async function revokePipeline(ctx: CommandContext, pipelineId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, pipelineId);
  const state = target.state();
  if (target.snapshot.node || state.rootId !== pipelineId) {
    throw new InvalidOperationError(`only a root pipeline can be revoked, ${pipelineId} is not one`);
  }
  const effects = new StepEffects(ctx.services);
  effects.observe(state, pipelineId);
  effects.setState(pipelineId, 'REVOKED', { setArchived: true });
  effects.signal({ name: 'post_pipeline_revoke', payload: { instance_id: pipelineId } });
  const hooks = new OperatorHooks(ctx);
  const pre = { pipeline_id: pipelineId };
  await hooks.event({ event_type: 'pre_revoke_pipeline', data: pre });
  await effects.flush();
  await hooks.event({ event_type: 'post_revoke_pipeline', data: pre });
}
