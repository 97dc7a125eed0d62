import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import type { ProcessRecord } from '../../runtime/runtime-records';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import { buildRollbackGraph, ROLLBACK_END, rollbackOrder } from '../rollback/rollback-graph';
import { restartAtTarget, restartedPipelineState } from '../rollback/rollback-restart';
import { RollbackScope } from '../rollback/rollback-scope';
import { modeOf, rollbackDispatch, type RollbackOptions } from '../rollback/rollback-tasks';
import type { CommandContext } from './command-context';
import { OperatorTarget } from './operator-target';

/**
 * `rollback` (spec 06 A.21). Checks, then one commit conditional on the pipeline state read and on
 * the start node's process token:
 * - TOKEN: pipeline → ROLLING_BACK, the rollback graph stored, the start node's process parked,
 *   and the first walk step dispatched (component rollbacks run in rollback tasks, spec 09 §8).
 * - ANY: the path cleaned up and the process restarted at the target at once.
 * `consumesPlan` expires the reservation that started it in the same commit.
 */
export async function rollback(
  ctx: CommandContext,
  rootPipelineId: string,
  startNodeId: string,
  targetNodeId: string,
  options: RollbackOptions = {},
  consumesPlan = false,
): Promise<void> {
  const mode = modeOf(options.mode);
  const scope = await RollbackScope.load(ctx, rootPipelineId);
  scope.rollbackNode(startNodeId, 'FINISHED', 'FAILED');
  const target = scope.rollbackNode(targetNodeId, 'FINISHED');
  if (startNodeId === targetNodeId) throw new InvalidOperationError('rollback failed: start and target are the same');
  const process = await processOnStartNode(ctx, rootPipelineId, startNodeId);
  if (mode === 'TOKEN' || !options.skipCheckToken) {
    scope.sameToken(startNodeId, targetNodeId);
    scope.nothingRunningWithTokenOf(startNodeId);
  }
  if (mode === 'ANY') scope.nothingRunning();
  const built = buildRollbackGraph(scope.executedNodes(), startNodeId, targetNodeId);
  const order = rollbackOrder(built.graph);
  if (!order.includes(targetNodeId)) {
    throw new InvalidOperationError(
      `rollback failed: node(${targetNodeId}) was not executed before node(${startNodeId})`,
    );
  }
  const effects = new StepEffects(ctx.services);
  if (consumesPlan) effects.add({ rollback: { expirePlans: [{ rootPipelineId, startNodeId }] } });
  effects.observe(scope.rootState, rootPipelineId);
  if (mode === 'ANY') {
    const cleanNodes = [...built.graph.nodes, ...built.otherNodes];
    restartAtTarget(ctx, effects, {
      run: scope.run,
      target: target.node,
      targetState: target.state,
      cleanNodes,
      process,
    });
    const to = restartedPipelineState(ctx);
    if (scope.rootState.name === 'ROLL_BACK_FAILED') {
      effects.setState(rootPipelineId, 'READY');
      effects.setState(rootPipelineId, to);
    } else if (to === 'SUSPENDED') effects.setState(rootPipelineId, 'SUSPENDED');
  } else {
    effects.setState(rootPipelineId, 'ROLLING_BACK');
    const skipped = order.filter((id) => {
      const state = scope.states.get(id);
      return state?.name === 'FAILED' || state?.skip === true || state?.errorIgnored === true;
    });
    effects.add({
      rollback: {
        addRuns: [
          {
            rootPipelineId,
            graph: built.graph,
            nodeAccessRecord: Object.fromEntries(built.graph.nodes.map((id) => [id, 0])),
            skipRollbackNodes: [...new Set([...(options.skipRollbackNodes ?? []), ...skipped])],
            otherNodes: built.otherNodes,
            startNodeId,
            targetNodeId,
          },
        ],
      },
    });
    const parked = new ProcessEffects(process, process.taskToken, ctx.services);
    parked.patch({ asleep: true, taskToken: null });
    parked.writeTo(effects);
    effects.add({ dispatch: [rollbackDispatch(process, rootPipelineId, order[0] ?? ROLLBACK_END)] });
  }
  await effects.flush();
}

/** Decision (2) of A.21: the start node must be the current node of a live process. */
async function processOnStartNode(ctx: CommandContext, rootPipelineId: string, nodeId: string): Promise<ProcessRecord> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const process = target.snapshot.processesOnNode.find((candidate) => candidate.rootPipelineId === rootPipelineId);
  if (!process) throw new InvalidOperationError('rollback failed: the node to be rolled back must be the current node');
  return process;
}
