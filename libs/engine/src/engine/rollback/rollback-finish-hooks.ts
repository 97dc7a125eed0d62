import type { ActivityFinishHooks } from '../../process/activity-finish-hooks';
import type { StepEffects } from '../../process/step-effects';
import type { ServiceActivityDefinition } from '../../runtime/node-definition';
import type { RollbackPlan } from '../../runtime/rollback-records';
import type { ProcessRecord } from '../../runtime/runtime-records';
import { EngineError } from '../../errors';
import type { CommandContext } from '../commands/command-context';
import { rollback } from '../commands/rollback.command';
import type { RollbackOptions } from './rollback-tasks';

/**
 * Rollback's part of a finishing ServiceActivity (spec 03 §3 step 9, spec 09 §8 step 2): the node
 * snapshot rides in the finishing commit; a reservation is looked up after that commit, so a
 * `reserve_rollback` racing with the finish either committed first (and is seen here) or fails its
 * own state assertion. A plan that can no longer start is expired and the process goes on. On the
 * schedule path a plan already stored parks the process in the finishing commit, so the next task
 * it dispatches is stale and cannot race the rollback for the process.
 */
export class RollbackFinishHooks implements ActivityFinishHooks {
  constructor(private readonly ctx: CommandContext) {}

  async beforeFinishCommit(
    effects: StepEffects,
    node: ServiceActivityDefinition,
    rootPipelineData: Record<string, unknown>,
    parkIfReserved?: ProcessRecord,
  ): Promise<void> {
    if (parkIfReserved && (await this.planOn(node))) {
      effects.add({ processes: [{ id: parkIfReserved.id, patch: { taskToken: null } }] });
    }
    const data = effects.pendingExecutionData(node.id);
    effects.add({
      rollback: {
        addNodeSnapshots: [
          {
            rootPipelineId: node.rootPipelineId,
            nodeId: node.id,
            code: node.component.code,
            version: node.component.version,
            inputs: data?.inputs ?? {},
            outputs: data?.outputs ?? {},
            contextValues: { ...rootPipelineData },
          },
        ],
      },
    });
  }

  async afterFinishCommit(node: ServiceActivityDefinition, process: ProcessRecord): Promise<boolean> {
    const { runtime, logger } = this.ctx.services;
    const plan = await this.planOn(node);
    if (!plan) return false;
    const options: RollbackOptions = { ...(plan.options as RollbackOptions), mode: plan.mode };
    try {
      await rollback(this.ctx, plan.rootPipelineId, plan.startNodeId, plan.targetNodeId, options, true);
      return true;
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      logger.warn(`reserved rollback could not start: ${error.message}`, { nodeId: node.id, processId: process.id });
      await runtime.commit({
        rollback: { expirePlans: [{ rootPipelineId: plan.rootPipelineId, startNodeId: node.id }] },
      });
      return false;
    }
  }

  private async planOn(node: ServiceActivityDefinition): Promise<RollbackPlan | undefined> {
    const { plans } = await this.ctx.services.runtime.loadRollbackState(node.rootPipelineId);
    return plans.find((candidate) => candidate.startNodeId === node.id);
  }
}
