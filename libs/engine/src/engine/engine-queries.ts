import type { PipelineTree } from '../model';
import type { EngineServices } from '../process/engine-services';
import { DEFAULT_ENGINE_SETTINGS } from '../process/engine-services';
import { RunCache } from '../process/run-cache';
import { NOOP_OBSERVER } from '../runtime/engine-observer.port';
import { NOOP_LOGGER } from '../runtime/logger.port';
import type { ContextValue, ExecutionData, HistoryRecord } from '../runtime/runtime-records';
import { NotFoundError } from '../runtime/runtime.errors';
import { NOOP_SIGNALS } from '../runtime/signal-publisher.port';
import { allowedStartNodeIds, skippedExecuteNodeIds } from '../validator';
import type { CommandContext } from './commands/command-context';
import type { EngineOptions } from './engine-options';
import type { StateNode } from './pipeline-states.reader';
import { shapePipelineStates } from './pipeline-states.reader';
import type { ExecutionTime, NodeDebugInfo, PipelineDebugInfo } from './queries/debug-info.query';
import { getExecutionTime, getNodeDebugInfo, getPipelineDebugInfo } from './queries/debug-info.query';
import type { NodeDataView, ShortHistory } from './queries/node-data.query';
import { getData, getHistories, getPlainLogForNode, getShortHistories } from './queries/node-data.query';
import { getChildrenStates, getNodeState } from './queries/node-states.query';
import type { PreviewOptions } from './queries/preview-node-inputs.query';
import { previewNodeInputs } from './queries/preview-node-inputs.query';

/**
 * The read half of the engine facade (spec 06 A.15–A.20) and the pure tree helpers of A.2.1. Reads
 * never change anything and are safe to repeat; `Engine` adds the commands and worker entry points.
 */
export class EngineQueries {
  protected readonly ctx: CommandContext;

  constructor(options: EngineOptions) {
    const services: EngineServices = {
      runtime: options.runtime,
      catalog: options.catalog,
      clock: options.clock,
      ids: options.ids,
      logger: options.logger ?? NOOP_LOGGER,
      signals: options.signals ?? NOOP_SIGNALS,
      observer: options.observer ?? NOOP_OBSERVER,
      settings: { ...DEFAULT_ENGINE_SETTINGS, ...options.settings },
      ...(options.followUps ? { followUps: options.followUps } : {}),
      ...(options.deferTrivialCommits === false ? {} : { deferTrivialCommits: true }),
    };
    this.ctx = { services, runs: new RunCache(options.runtime) };
  }

  /** `get_pipeline_states` (A.15). */
  async getPipelineStates(
    rootId: string,
    options: { flatChildren?: boolean } = {},
  ): Promise<Record<string, StateNode>> {
    const records = await this.ctx.services.runtime.getStatesOfRoot(rootId);
    return shapePipelineStates(rootId, records, options.flatChildren ?? true);
  }

  /** One node's own state (also a booked pause not reached yet); `NotFoundError` when none. */
  getNodeState(nodeId: string): Promise<StateNode> {
    return getNodeState(this.ctx, nodeId);
  }

  /**
   * Whether the id is one the engine knows: a node of a stored run (it has a definition, reached or
   * not) or a pipeline with a state. Reads that answer `{}` for a node without a state or data
   * (A.16, A.17) cannot tell an unknown id from such a node; the REST API asks this only then.
   */
  async nodeExists(nodeId: string): Promise<boolean> {
    const { node, state } = await this.ctx.services.runtime.loadOperatorTarget(nodeId);
    return node !== undefined || state !== undefined;
  }

  /** `get_children_states` (A.16). */
  getChildrenStates(nodeId: string): Promise<Record<string, StateNode>> {
    return getChildrenStates(this.ctx, nodeId);
  }

  /** `{inputs, outputs}` of a node or pipeline; `NotFoundError` when it has none (A.17). */
  async getExecutionData(nodeId: string): Promise<ExecutionData> {
    const data = await this.ctx.services.runtime.getExecutionData(nodeId);
    if (!data) throw new NotFoundError(`execution data of node(${nodeId}) does not exist`);
    return data;
  }

  async getExecutionDataInputs(nodeId: string): Promise<Record<string, unknown>> {
    return (await this.ctx.services.runtime.getExecutionData(nodeId))?.inputs ?? {};
  }

  async getExecutionDataOutputs(nodeId: string): Promise<Record<string, unknown>> {
    return (await this.ctx.services.runtime.getExecutionData(nodeId))?.outputs ?? {};
  }

  /** `get_data` (A.17): configured inputs and output mapping; `NotFoundError` when none. */
  getData(nodeId: string): Promise<NodeDataView> {
    return getData(this.ctx, nodeId);
  }

  /** Histories, oldest first; `loop = -1` means all (A.18). */
  getHistories(nodeId: string, loop = -1): Promise<HistoryRecord[]> {
    return getHistories(this.ctx, nodeId, loop);
  }

  getShortHistories(nodeId: string, loop = -1): Promise<ShortHistory[]> {
    return getShortHistories(this.ctx, nodeId, loop);
  }

  /** `get_plain_log_for_node` (A.20). */
  getPlainLogForNode(nodeId: string, options: { historyId?: string; version?: string } = {}): Promise<string> {
    return getPlainLogForNode(this.ctx, nodeId, options);
  }

  /** Every context value of one pipeline. */
  getContextValues(pipelineId: string): Promise<ContextValue[]> {
    return this.ctx.services.runtime.getContext(pipelineId);
  }

  getPipelineDebugInfo(pipelineId: string): Promise<PipelineDebugInfo> {
    return getPipelineDebugInfo(this.ctx, pipelineId);
  }

  getNodeDebugInfo(nodeId: string): Promise<NodeDebugInfo> {
    return getNodeDebugInfo(this.ctx, nodeId);
  }

  getPipelineExecutionTime(pipelineId: string): Promise<ExecutionTime> {
    return getExecutionTime(this.ctx, pipelineId);
  }

  getNodeExecutionTime(nodeId: string): Promise<ExecutionTime> {
    return getExecutionTime(this.ctx, nodeId);
  }

  /** `preview_node_inputs` (A.20), pure over a normalised tree. */
  previewNodeInputs(tree: PipelineTree, nodeId: string, options: PreviewOptions = {}): Record<string, unknown> {
    return previewNodeInputs(this.ctx.services.catalog, tree, nodeId, options);
  }

  /** `get_allowed_start_node_ids` (A.2.1), pure. */
  getAllowedStartNodeIds(tree: PipelineTree): string[] {
    return allowedStartNodeIds(tree);
  }

  /** `get_skipped_execute_node_ids` (A.2.1), pure; throws `StartPositionInvalidError` for a bad start. */
  getSkippedExecuteNodeIds(tree: PipelineTree, startNodeId: string): string[] {
    return skippedExecuteNodeIds(tree, startNodeId);
  }
}
