import { DataObject } from '../../component';
import { isSuccess } from '../../handlers/service-call';
import { StepEffects } from '../../process/step-effects';
import type { RollbackTask } from '../../runtime/engine-task';
import type { RollbackNodeSnapshot, RollbackRun } from '../../runtime/rollback-records';
import type { NodeStateRecord } from '../../runtime/runtime-records';
import { StateVersionNotMatchError } from '../../runtime/runtime.errors';
import type { CommandContext } from '../commands/command-context';
import { ROLLBACK_END, rollbackOrder } from './rollback-graph';
import { restartAtTarget, restartedPipelineState } from './rollback-restart';
import { rollbackDispatch } from './rollback-tasks';

/**
 * One step of a TOKEN rollback walk (spec 09 §8 steps 3–4). A node step: ROLLING_BACK (committed
 * before user code, so a duplicate delivery loses the compare-and-set), each un-rolled snapshot of
 * the node newest first through the component's `rollback`, then ROLL_BACK_SUCCESS and the next step,
 * or node and pipeline ROLL_BACK_FAILED. The END step cleans up and restarts at the target.
 */
export class RollbackRunner {
  constructor(private readonly ctx: CommandContext) {}

  async run(task: RollbackTask): Promise<void> {
    const { runtime } = this.ctx.services;
    const [rollback] = (await runtime.loadRollbackState(task.rootPipelineId)).runs;
    const pipeline = await runtime.getState(task.rootPipelineId);
    if (!rollback || pipeline?.name !== 'ROLLING_BACK') return this.drop(task, 'no rollback in progress');
    try {
      if (task.nodeId === ROLLBACK_END) await this.finish(rollback, pipeline);
      else await this.rollbackNode(task, rollback, pipeline);
    } catch (error) {
      if (!(error instanceof StateVersionNotMatchError)) throw error;
      this.drop(task, 'lost a race (duplicate delivery)');
    }
  }

  private async rollbackNode(task: RollbackTask, rollback: RollbackRun, pipeline: NodeStateRecord): Promise<void> {
    const { runtime } = this.ctx.services;
    const order = rollbackOrder(rollback.graph);
    const next = order[order.indexOf(task.nodeId) + 1] ?? ROLLBACK_END;
    const access = { ...rollback.nodeAccessRecord, [task.nodeId]: 1 };
    const proceed = { rollback: { runAccess: [{ id: rollback.id, nodeAccessRecord: access }] } };
    const nextStep = { dispatch: [rollbackDispatch(task, task.rootPipelineId, next)] };
    if (rollback.skipRollbackNodes.includes(task.nodeId) && !task.retry) {
      await runtime.commit({ ...proceed, ...nextStep });
      return;
    }
    const state = await runtime.getState(task.nodeId);
    if (state?.name !== (task.retry ? 'ROLL_BACK_FAILED' : 'FINISHED'))
      return this.drop(task, `node is ${state?.name}`);
    const effects = new StepEffects(this.ctx.services);
    effects.observe(state, task.nodeId);
    effects.setState(task.nodeId, 'ROLLING_BACK');
    await effects.flush();
    const snapshots = (await runtime.loadRollbackState(task.rootPipelineId)).nodeSnapshots
      .filter((snapshot) => snapshot.nodeId === task.nodeId && !snapshot.rolledBack)
      .reverse();
    const done: string[] = [];
    let ok = true;
    for (const snapshot of snapshots) {
      ok = await this.callRollback(snapshot, state, task.retryData);
      if (!ok) break;
      done.push(snapshot.id);
    }
    effects.add({ rollback: { markRolledBack: done } });
    if (ok) {
      effects.setState(task.nodeId, 'ROLL_BACK_SUCCESS');
      effects.add({ ...proceed, ...nextStep });
    } else {
      effects.setState(task.nodeId, 'ROLL_BACK_FAILED');
      effects.observe(pipeline, task.rootPipelineId);
      effects.setState(task.rootPipelineId, 'ROLL_BACK_FAILED');
    }
    await effects.flush();
  }

  /** The component's `rollback(data, parent_data, rollback_data)`; false or an error is a failure. */
  private async callRollback(snapshot: RollbackNodeSnapshot, state: NodeStateRecord, retryData: unknown) {
    const { catalog, logger } = this.ctx.services;
    const meta = { nodeId: snapshot.nodeId, version: state.version, pipelineId: snapshot.rootPipelineId };
    const definition = catalog.findComponent(snapshot.code, snapshot.version);
    if (!definition) {
      logger.error(`rollback failed: component ${snapshot.code}@${snapshot.version} does not exist`, meta);
      return false;
    }
    try {
      const service = await definition.createService();
      service.setupRuntimeAttrs({
        id: snapshot.nodeId,
        version: state.version,
        topPipelineId: state.parentId,
        rootPipelineId: snapshot.rootPipelineId,
        loop: state.loop,
        innerLoop: state.innerLoop,
        logger: {
          debug: (message) => logger.debug(message, meta),
          info: (message) => logger.info(message, meta),
          warn: (message) => logger.warn(message, meta),
          error: (message) => logger.error(message, meta),
        },
        clock: { now: () => this.ctx.services.clock.now().getTime() },
      });
      if (!service.rollback) return true;
      const data = new DataObject({ ...snapshot.inputs }, { ...snapshot.outputs });
      const parentData = new DataObject({ ...snapshot.contextValues }, {});
      return isSuccess(await service.rollback(data, parentData, retryData ?? undefined));
    } catch (error) {
      logger.error(`rollback of node(${snapshot.nodeId}) raised: ${String(error)}`, meta);
      return false;
    }
  }

  /** END: pipeline ROLL_BACK_SUCCESS, clean-up and restart at the target (spec 09 §8 step 4). */
  private async finish(rollback: RollbackRun, pipeline: NodeStateRecord): Promise<void> {
    const { runtime } = this.ctx.services;
    const run = await this.ctx.runs.get(rollback.rootPipelineId);
    const onStart = await runtime.loadOperatorTarget(rollback.startNodeId);
    const process =
      onStart.processesOnNode.find((candidate) => candidate.rootPipelineId === rollback.rootPipelineId) ??
      (await runtime.getProcesses(rollback.rootPipelineId)).find((candidate) => candidate.parentId === null);
    const target = run.nodes[rollback.targetNodeId];
    if (!process || !target) return this.drop({ nodeId: ROLLBACK_END }, 'no process or target to restart');
    const effects = new StepEffects(this.ctx.services);
    effects.observe(pipeline, rollback.rootPipelineId);
    effects.setState(rollback.rootPipelineId, 'ROLL_BACK_SUCCESS');
    const cleanNodes = [...rollback.graph.nodes, ...rollback.otherNodes];
    const targetState = await runtime.getState(rollback.targetNodeId);
    restartAtTarget(this.ctx, effects, { run, target, targetState, cleanNodes, process });
    effects.setState(rollback.rootPipelineId, 'READY');
    effects.setState(rollback.rootPipelineId, restartedPipelineState(this.ctx));
    await effects.flush();
  }

  private drop(task: { nodeId: string }, reason: string): void {
    this.ctx.services.logger.info(`rollback task dropped: ${reason}`, { rollbackNodeId: task.nodeId });
  }
}
