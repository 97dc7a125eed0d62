import { ExecuteRunner } from '../process/execute-runner';
import { ScheduleRunner } from '../process/schedule-runner';
import { NO_FINISH_HOOKS } from '../process/activity-finish-hooks';
import type { EngineTask, ExecuteTask, RollbackTask, ScheduleTask, TimeoutTask } from '../runtime/engine-task';
import type { RollbackMode } from '../runtime/rollback-records';
import { callback } from './commands/callback.command';
import { cancelReservedRollback } from './commands/cancel-reserved-rollback.command';
import { getAllowedRollbackNodeIdList } from './commands/get-allowed-rollback-node-id-list.command';
import { reserveRollback } from './commands/reserve-rollback.command';
import { retryRollbackFailedNode } from './commands/retry-rollback-failed-node.command';
import { rollback } from './commands/rollback.command';
import { forcedFailActivity } from './commands/forced-fail-activity.command';
import { handleNodeTimeout } from './commands/node-timeout.command';
import { pauseNodeAppoint } from './commands/pause-node-appoint.command';
import { pausePipeline } from './commands/pause-pipeline.command';
import { resumeNodeAppoint } from './commands/resume-node-appoint.command';
import { resumePipeline } from './commands/resume-pipeline.command';
import type { RetryNodeOptions } from './commands/retry-node.command';
import { retryNode } from './commands/retry-node.command';
import { retrySubprocess } from './commands/retry-subprocess.command';
import { revokePipeline } from './commands/revoke-pipeline.command';
import { skipConditionalParallelGateway } from './commands/skip-conditional-parallel-gateway.command';
import { skipExclusiveGateway } from './commands/skip-exclusive-gateway.command';
import { skipNode } from './commands/skip-node.command';
import type { ContextValueUpdate } from './commands/update-context-values.command';
import { updateContextValues } from './commands/update-context-values.command';
import { updateNodeOutputs } from './commands/update-node-outputs.command';
import type { EngineOptions, RunPipelineOptions, RunPipelineResult } from './engine-options';
import { EngineQueries } from './engine-queries';
import { RollbackFinishHooks } from './rollback/rollback-finish-hooks';
import { RollbackRunner } from './rollback/rollback-runner';
import type { RollbackOptions } from './rollback/rollback-tasks';
import { runPipeline } from './run-pipeline.command';

/**
 * The engine facade: commands of spec 06 Part A, the worker entry points a queue consumer calls
 * with the tasks the runtime delivers, and (inherited) the reads. Commands throw the typed errors
 * of A.1 (`InvalidOperationError`, `NotFoundError`, `StateVersionNotMatchError`,
 * `InvalidStateTransitionError`) and change nothing when they do. Stateless apart from the
 * run-definition cache; any number of engines may share one runtime.
 */
export class Engine extends EngineQueries {
  private readonly executeRunner: ExecuteRunner;
  private readonly scheduleRunner: ScheduleRunner;
  private readonly rollbackRunner: RollbackRunner;

  constructor(options: EngineOptions) {
    super(options);
    const finishHooks = this.ctx.services.settings.enableRollback ? new RollbackFinishHooks(this.ctx) : NO_FINISH_HOOKS;
    this.executeRunner = new ExecuteRunner(this.ctx.services, this.ctx.runs, finishHooks);
    this.scheduleRunner = new ScheduleRunner(this.ctx.services, this.ctx.runs, finishHooks, (process, nodeId, held) =>
      this.executeRunner.continueAfter(process, nodeId, held),
    );
    this.rollbackRunner = new RollbackRunner(this.ctx);
  }

  /** Validates, stores and starts a run (A.2). */
  runPipeline(tree: unknown, options: RunPipelineOptions = {}): Promise<RunPipelineResult> {
    return runPipeline(this.ctx.services, tree, options);
  }

  /** A.3: the root pipeline or a subprocess id. */
  pausePipeline(pipelineId: string): Promise<void> {
    return pausePipeline(this.ctx, pipelineId);
  }

  /** A.4: the root pipeline or a subprocess id. */
  resumePipeline(pipelineId: string): Promise<void> {
    return resumePipeline(this.ctx, pipelineId);
  }

  /** A.5: root pipelines only. */
  revokePipeline(pipelineId: string): Promise<void> {
    return revokePipeline(this.ctx, pipelineId);
  }

  /** A.6. */
  pauseNodeAppoint(nodeId: string): Promise<void> {
    return pauseNodeAppoint(this.ctx, nodeId);
  }

  /** A.7. */
  resumeNodeAppoint(nodeId: string): Promise<void> {
    return resumeNodeAppoint(this.ctx, nodeId);
  }

  /** A.8. */
  retryNode(nodeId: string, options: RetryNodeOptions = {}): Promise<void> {
    return retryNode(this.ctx, nodeId, options);
  }

  /** A.9. */
  retrySubprocess(nodeId: string): Promise<void> {
    return retrySubprocess(this.ctx, nodeId);
  }

  /** A.10. */
  skipNode(nodeId: string, options: { loopSkip?: boolean } = {}): Promise<void> {
    return skipNode(this.ctx, nodeId, options);
  }

  /** A.11. */
  skipExclusiveGateway(nodeId: string, flowId: string): Promise<void> {
    return skipExclusiveGateway(this.ctx, nodeId, flowId);
  }

  /** A.12. */
  skipConditionalParallelGateway(nodeId: string, flowIds: string[], convergeGatewayId: string): Promise<void> {
    return skipConditionalParallelGateway(this.ctx, nodeId, flowIds, convergeGatewayId);
  }

  /** A.13. */
  forcedFailActivity(nodeId: string, exData: string, options: { sendPostSetStateSignal?: boolean } = {}) {
    return forcedFailActivity(this.ctx, nodeId, exData, options);
  }

  /** A.14: delivers callback data to a node waiting in a CALLBACK / MULTIPLE_CALLBACK schedule. */
  callback(nodeId: string, version: string, data: Record<string, unknown> = {}): Promise<{ callbackDataId: string }> {
    return callback(this.ctx, nodeId, version, data);
  }

  /** A.19. */
  updateNodeOutputs(rootPipelineId: string, nodeId: string, contextValues: Record<string, unknown>): Promise<void> {
    return updateNodeOutputs(this.ctx, rootPipelineId, nodeId, contextValues);
  }

  /** A.20 `update_context_values`. */
  updateContextValues(pipelineId: string, values: ContextValueUpdate[]): Promise<void> {
    return updateContextValues(this.ctx, pipelineId, values);
  }

  /**
   * A.21 `rollback`: TOKEN (default) calls the components' `rollback` in reverse order in rollback
   * tasks, then restarts at the target; ANY cleans the path and restarts at once.
   */
  rollback(rootPipelineId: string, startNodeId: string, targetNodeId: string, options: RollbackOptions = {}) {
    return rollback(this.ctx, rootPipelineId, startNodeId, targetNodeId, options);
  }

  /** A.21 `reserve_rollback`: the rollback runs when the RUNNING start node finishes. */
  reserveRollback(
    rootPipelineId: string,
    startNodeId: string,
    targetNodeId: string,
    options: RollbackOptions = {},
  ): Promise<void> {
    return reserveRollback(this.ctx, rootPipelineId, startNodeId, targetNodeId, options);
  }

  /** A.21 `cancel_reserved_rollback`. */
  cancelReservedRollback(
    rootPipelineId: string,
    startNodeId: string,
    targetNodeId: string,
    options: { mode?: RollbackMode } = {},
  ): Promise<void> {
    return cancelReservedRollback(this.ctx, rootPipelineId, startNodeId, targetNodeId, options);
  }

  /** A.21 `retry_rollback_failed_node` (TOKEN only). */
  retryRollbackFailedNode(
    rootPipelineId: string,
    nodeId: string,
    retryData: unknown = null,
    mode: RollbackMode = 'TOKEN',
  ): Promise<void> {
    return retryRollbackFailedNode(this.ctx, rootPipelineId, nodeId, retryData, { mode });
  }

  /** A.21 `get_allowed_rollback_node_id_list`. */
  getAllowedRollbackNodeIdList(
    rootPipelineId: string,
    startNodeId: string,
    options: { mode?: RollbackMode; skipCheckToken?: boolean } = {},
  ): Promise<string[]> {
    return getAllowedRollbackNodeIdList(this.ctx, rootPipelineId, startNodeId, options);
  }

  /** Worker entry point for any task. */
  handle(task: EngineTask): Promise<void> {
    switch (task.kind) {
      case 'execute':
        return this.execute(task);
      case 'schedule':
        return this.schedule(task);
      case 'timeout':
        return this.timeout(task);
      case 'rollback':
        return this.rollbackStep(task);
    }
  }

  /** One step of a TOKEN rollback walk (spec 09 §8). */
  rollbackStep(task: RollbackTask): Promise<void> {
    return this.rollbackRunner.run(task);
  }

  execute(task: ExecuteTask): Promise<void> {
    return this.executeRunner.run(task);
  }

  schedule(task: ScheduleTask): Promise<void> {
    return this.scheduleRunner.run(task);
  }

  /** Node timer expiry (spec 03 §4.6): forced fail (and skip) of a still-running attempt. */
  timeout(task: TimeoutTask): Promise<void> {
    return handleNodeTimeout(this.ctx, task);
  }
}
