import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import { RollbackScope } from '../rollback/rollback-scope';
import { modeOf, rollbackDispatch } from '../rollback/rollback-tasks';
import type { CommandContext } from './command-context';

/**
 * `retry_rollback_failed_node` (spec 06 A.21, TOKEN only): pipeline and node ROLL_BACK_FAILED and
 * exactly one unexpired rollback; the pipeline goes back to ROLLING_BACK and a rollback step re-runs
 * the node with `retryData`, then the walk continues. Conditional on the pipeline state read.
 */
export async function retryRollbackFailedNode(
  ctx: CommandContext,
  rootPipelineId: string,
  nodeId: string,
  retryData: unknown = null,
  options: { mode?: string } = {},
): Promise<void> {
  if (modeOf(options.mode) === 'ANY') {
    throw new InvalidOperationError('rollback failed: when mode is any, not support retry');
  }
  const scope = await RollbackScope.load(ctx, rootPipelineId);
  if (scope.rootState.name !== 'ROLL_BACK_FAILED') {
    throw new InvalidOperationError(
      `rollback failed: only retry the failed pipeline, current_status=${scope.rootState.name}`,
    );
  }
  const state = scope.states.get(nodeId);
  if (state?.name !== 'ROLL_BACK_FAILED') {
    throw new InvalidOperationError(`rollback failed: only retry the failed node, current_status=${state?.name}`);
  }
  const { runs } = await ctx.services.runtime.loadRollbackState(rootPipelineId);
  if (runs.length !== 1) {
    throw new InvalidOperationError(
      runs.length === 0
        ? 'rollback failed: the rollback snapshot is not exists, please check'
        : 'rollback failed: found multi not expired rollback snapshot, please check',
    );
  }
  const route = (await ctx.services.runtime.getProcesses(rootPipelineId)).find((p) => p.parentId === null);
  const effects = new StepEffects(ctx.services);
  effects.observe(scope.rootState, rootPipelineId);
  effects.setState(rootPipelineId, 'ROLLING_BACK');
  effects.add({
    dispatch: [rollbackDispatch(route ?? { queue: '', priority: 100 }, rootPipelineId, nodeId, { retryData })],
  });
  await effects.flush();
}
