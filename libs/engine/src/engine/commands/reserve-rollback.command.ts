import type { NodeStateRecord } from '../../runtime/runtime-records';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { StepCommit } from '../../runtime/step-commit';
import { RollbackScope } from '../rollback/rollback-scope';
import { modeOf, type RollbackOptions } from '../rollback/rollback-tasks';
import type { CommandContext } from './command-context';
import { OperatorTarget } from './operator-target';

/**
 * `reserve_rollback` (spec 06 A.21): stores a plan that runs when the RUNNING start node finishes.
 * The commit re-asserts the start node's state as read (same version, still RUNNING), so a node
 * that finished meanwhile refuses the reservation instead of leaving a plan nobody will run: the
 * finishing step reads the plans only after its own commit (ADR 0003, rollback addendum).
 */
export async function reserveRollback(
  ctx: CommandContext,
  rootPipelineId: string,
  startNodeId: string,
  targetNodeId: string,
  options: RollbackOptions = {},
): Promise<void> {
  const mode = modeOf(options.mode);
  const { scope, startState } = await checkReservation(ctx, rootPipelineId, startNodeId, targetNodeId);
  if (mode === 'TOKEN' || !options.skipCheckToken) scope.sameToken(startNodeId, targetNodeId);
  const { plans } = await ctx.services.runtime.loadRollbackState(rootPipelineId);
  if (plans.length > 0) {
    throw new InvalidOperationError('reserve rollback failed, there exists another unfinished rollback plan');
  }
  const planOptions: Record<string, unknown> = {};
  if (options.skipRollbackNodes) planOptions.skipRollbackNodes = options.skipRollbackNodes;
  if (options.skipCheckToken !== undefined) planOptions.skipCheckToken = options.skipCheckToken;
  await ctx.services.runtime.commit({
    ...assertUnchanged(startState),
    rollback: { addPlans: [{ rootPipelineId, startNodeId, targetNodeId, mode, options: planOptions }] },
  });
}

/**
 * The node checks shared by reserve and cancel: pipeline RUNNING/ROLL_BACK_FAILED, target a
 * FINISHED ServiceActivity, start node RUNNING and the current node of a live process.
 */
export async function checkReservation(
  ctx: CommandContext,
  rootPipelineId: string,
  startNodeId: string,
  targetNodeId: string,
): Promise<{ scope: RollbackScope; startState: NodeStateRecord }> {
  const scope = await RollbackScope.load(ctx, rootPipelineId);
  scope.rollbackNode(targetNodeId, 'FINISHED');
  const { state } = scope.rollbackNode(startNodeId, 'RUNNING');
  const start = await OperatorTarget.load(ctx, startNodeId);
  if (!start.snapshot.processesOnNode.some((process) => process.rootPipelineId === rootPipelineId)) {
    throw new InvalidOperationError('reserve rollback failed: the start node must be the current node');
  }
  return { scope, startState: state };
}

/** A state write that changes nothing but fails the commit when the record moved on. */
export function assertUnchanged(state: NodeStateRecord): StepCommit {
  return { states: [{ record: state, expect: { version: state.version, name: state.name } }] };
}
