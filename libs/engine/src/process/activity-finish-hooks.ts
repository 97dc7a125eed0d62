import type { ServiceActivityDefinition } from '../runtime/node-definition';
import type { ProcessRecord } from '../runtime/runtime-records';
import type { StepEffects } from './step-effects';

/**
 * What the execute and schedule runners do when a ServiceActivity finishes (spec 03 §3 step 9):
 * the rollback extension stores a node snapshot in the finishing commit and, after that commit,
 * starts a rollback reserved on the node. Runners get `NO_FINISH_HOOKS` when rollback is off.
 */
export interface ActivityFinishHooks {
  /**
   * Adds effects to the commit that finishes `node` (before it is flushed). `parkIfReserved` is the
   * process of a schedule step, whose finishing commit dispatches the next task: when a rollback is
   * already reserved on the node, the process is parked instead (the dispatched task goes stale).
   */
  beforeFinishCommit(
    effects: StepEffects,
    node: ServiceActivityDefinition,
    rootPipelineData: Record<string, unknown>,
    parkIfReserved?: ProcessRecord,
  ): Promise<void>;
  /**
   * After the finishing commit: true when a reserved rollback took over the process, which must
   * then stop (its next task, if any was dispatched, is already stale).
   */
  afterFinishCommit(node: ServiceActivityDefinition, process: ProcessRecord): Promise<boolean>;
}

export const NO_FINISH_HOOKS: ActivityFinishHooks = {
  beforeFinishCommit: () => Promise.resolve(),
  afterFinishCommit: () => Promise.resolve(false),
};
