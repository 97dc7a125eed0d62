import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { OperatorHooks } from './operator-hooks';
import { OperatorTarget } from './operator-target';

/**
 * `pause_pipeline` (spec 06 A.3): the root pipeline or a subprocess goes SUSPENDED. Nothing is
 * interrupted; each process stops at its next node boundary when it sees the state.
 */
export async function pausePipeline(ctx: CommandContext, pipelineId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, pipelineId);
  const state = target.state();
  const node = target.snapshot.node;
  if (node && node.type !== 'SubProcess') {
    throw new InvalidOperationError(`node(${pipelineId}) is a ${node.type}, not a pipeline or subprocess`);
  }
  const effects = new StepEffects(ctx.services);
  effects.observe(state, pipelineId);
  effects.setState(pipelineId, 'SUSPENDED');
  const hooks = new OperatorHooks(ctx);
  const pre = { pipeline_id: pipelineId };
  await hooks.event({ event_type: 'pre_pause_pipeline', data: pre });
  await effects.flush();
  await hooks.event({ event_type: 'post_pause_pipeline', data: pre });
}
