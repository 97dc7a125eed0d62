import { ExecuteRunner } from '../process/execute-runner';
import { ScheduleRunner } from '../process/schedule-runner';
import type { EngineTask, ExecuteTask, ScheduleTask, TimeoutTask } from '../runtime/engine-task';
import { callback } from './commands/callback.command';
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

  constructor(options: EngineOptions) {
    super(options);
    this.executeRunner = new ExecuteRunner(this.ctx.services, this.ctx.runs);
    this.scheduleRunner = new ScheduleRunner(this.ctx.services, this.ctx.runs);
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

  /** Worker entry point for any task. */
  handle(task: EngineTask): Promise<void> {
    switch (task.kind) {
      case 'execute':
        return this.execute(task);
      case 'schedule':
        return this.schedule(task);
      case 'timeout':
        return this.timeout(task);
    }
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
