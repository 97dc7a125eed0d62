import { ExecuteRunner } from '../process/execute-runner';
import type { EngineServices } from '../process/engine-services';
import { DEFAULT_ENGINE_SETTINGS } from '../process/engine-services';
import { RunCache } from '../process/run-cache';
import { ScheduleRunner } from '../process/schedule-runner';
import type { EngineTask, ExecuteTask, ScheduleTask, TimeoutTask } from '../runtime/engine-task';
import { NOOP_LOGGER } from '../runtime/logger.port';
import type { ContextValue, ExecutionData, HistoryRecord } from '../runtime/runtime-records';
import { NotFoundError } from '../runtime/runtime.errors';
import { NOOP_SIGNALS } from '../runtime/signal-publisher.port';
import { callback } from './callback.command';
import type { EngineOptions, RunPipelineOptions, RunPipelineResult } from './engine-options';
import type { StateNode } from './pipeline-states.reader';
import { shapePipelineStates } from './pipeline-states.reader';
import { runPipeline } from './run-pipeline.command';

/**
 * The engine facade: commands (`runPipeline`, `callback`), worker entry points (`execute`,
 * `schedule`, `timeout`) a queue consumer calls with the tasks the runtime delivers, and reads.
 * Stateless apart from the run-definition cache; any number of engines may share one runtime.
 */
export class Engine {
  private readonly services: EngineServices;
  private readonly executeRunner: ExecuteRunner;
  private readonly scheduleRunner: ScheduleRunner;

  constructor(options: EngineOptions) {
    this.services = {
      runtime: options.runtime,
      catalog: options.catalog,
      clock: options.clock,
      ids: options.ids,
      logger: options.logger ?? NOOP_LOGGER,
      signals: options.signals ?? NOOP_SIGNALS,
      settings: { ...DEFAULT_ENGINE_SETTINGS, ...options.settings },
    };
    const runs = new RunCache(options.runtime);
    this.executeRunner = new ExecuteRunner(this.services, runs);
    this.scheduleRunner = new ScheduleRunner(this.services, runs);
  }

  /** Validates, stores and starts a run (spec 06 A.2). */
  runPipeline(tree: unknown, options: RunPipelineOptions = {}): Promise<RunPipelineResult> {
    return runPipeline(this.services, tree, options);
  }

  /** Delivers callback data to a node waiting in a CALLBACK / MULTIPLE_CALLBACK schedule (spec 06 A.14). */
  callback(nodeId: string, version: string, data: Record<string, unknown> = {}): Promise<{ callbackDataId: string }> {
    return callback(this.services, nodeId, version, data);
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

  /**
   * Node timer expiry (spec 03 §4.6). The forced-fail actions are operator commands (next issue);
   * until they exist the expiry of a still-running attempt is only logged.
   */
  async timeout(task: TimeoutTask): Promise<void> {
    const state = await this.services.runtime.getState(task.nodeId);
    if (state?.name !== 'RUNNING' || state.version !== task.version) return;
    this.services.logger.warn('node timed out', { nodeId: task.nodeId, version: task.version });
  }

  async getPipelineStates(
    rootId: string,
    options: { flatChildren?: boolean } = {},
  ): Promise<Record<string, StateNode>> {
    const records = await this.services.runtime.getStatesOfRoot(rootId);
    return shapePipelineStates(rootId, records, options.flatChildren ?? true);
  }

  /** `{inputs, outputs}` of a node or pipeline; `NotFoundError` when it has none (spec 06 A.17). */
  async getExecutionData(nodeId: string): Promise<ExecutionData> {
    const data = await this.services.runtime.getExecutionData(nodeId);
    if (!data) throw new NotFoundError(`execution data of node(${nodeId}) does not exist`);
    return data;
  }

  async getExecutionDataInputs(nodeId: string): Promise<Record<string, unknown>> {
    return (await this.services.runtime.getExecutionData(nodeId))?.inputs ?? {};
  }

  async getExecutionDataOutputs(nodeId: string): Promise<Record<string, unknown>> {
    return (await this.services.runtime.getExecutionData(nodeId))?.outputs ?? {};
  }

  /** Histories, oldest first; `loop = -1` means all (spec 06 A.18). */
  async getHistories(nodeId: string, loop = -1): Promise<HistoryRecord[]> {
    const histories = await this.services.runtime.getHistories(nodeId);
    return loop === -1 ? histories : histories.filter((history) => history.loop === loop);
  }

  /** Every context value of one pipeline (debug read, spec 06 A.20). */
  getContextValues(pipelineId: string): Promise<ContextValue[]> {
    return this.services.runtime.getContext(pipelineId);
  }
}
