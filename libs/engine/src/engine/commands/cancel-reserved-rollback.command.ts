import { modeOf, type RollbackOptions } from '../rollback/rollback-tasks';
import type { CommandContext } from './command-context';
import { assertUnchanged, checkReservation } from './reserve-rollback.command';

/**
 * `cancel_reserved_rollback` (spec 06 A.21): the node checks of `reserve_rollback`, then the plans
 * of that start node expire, conditional on the node still being RUNNING as read.
 */
export async function cancelReservedRollback(
  ctx: CommandContext,
  rootPipelineId: string,
  startNodeId: string,
  targetNodeId: string,
  options: Pick<RollbackOptions, 'mode'> = {},
): Promise<void> {
  modeOf(options.mode);
  const { startState } = await checkReservation(ctx, rootPipelineId, startNodeId, targetNodeId);
  await ctx.services.runtime.commit({
    ...assertUnchanged(startState),
    rollback: { expirePlans: [{ rootPipelineId, startNodeId }] },
  });
}
