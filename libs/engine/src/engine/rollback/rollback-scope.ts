import type { NodeDefinition, RunDefinition } from '../../runtime/node-definition';
import type { NodeStateRecord } from '../../runtime/runtime-records';
import { InvalidOperationError, NotFoundError } from '../../runtime/runtime.errors';
import type { NodeStateName } from '../../states/node-state';
import type { CommandContext } from '../commands/command-context';
import { pipelineTokens } from './pipeline-tokens';

/** States whose nodes a rollback graph is built from (spec 09 §8 step 3). */
const EXECUTED: readonly NodeStateName[] = ['FINISHED', 'FAILED'];

/**
 * What every rollback call reads about one root pipeline, and the precondition checks of spec 06
 * A.21 phrased over it, so that every command checks the same way and raises the same typed errors
 * (`InvalidOperationError`, `NotFoundError`) before it changes anything.
 */
export class RollbackScope {
  private tokenMap: Record<string, string> | undefined;

  private constructor(
    readonly rootPipelineId: string,
    readonly run: RunDefinition,
    readonly rootState: NodeStateRecord,
    readonly states: Map<string, NodeStateRecord>,
  ) {}

  /** Checks that rollback is enabled and the root pipeline is RUNNING or ROLL_BACK_FAILED. */
  static async load(ctx: CommandContext, rootPipelineId: string): Promise<RollbackScope> {
    if (!ctx.services.settings.enableRollback) {
      throw new InvalidOperationError('rollback is not enabled (PIPELINE_ENABLE_ROLLBACK)');
    }
    const records = await ctx.services.runtime.getStatesOfRoot(rootPipelineId);
    const states = new Map(records.map((record) => [record.nodeId, record]));
    const rootState = states.get(rootPipelineId);
    if (!rootState) throw new NotFoundError(`pipeline(${rootPipelineId}) state does not exist`);
    if (rootState.name !== 'RUNNING' && rootState.name !== 'ROLL_BACK_FAILED') {
      throw new InvalidOperationError(
        `rollback failed: the pipeline is ${rootState.name}, only RUNNING or ROLL_BACK_FAILED pipelines roll back`,
        { pipelineId: rootPipelineId, state: rootState.name },
      );
    }
    const run = await ctx.runs.get(rootPipelineId);
    return new RollbackScope(rootPipelineId, run, rootState, states);
  }

  get tokens(): Record<string, string> {
    this.tokenMap ??= pipelineTokens(this.run);
    return this.tokenMap;
  }

  node(nodeId: string): NodeDefinition {
    const node = this.run.nodes[nodeId];
    if (!node) throw new NotFoundError(`node(${nodeId}) does not exist in pipeline(${this.rootPipelineId})`);
    return node;
  }

  /** A ServiceActivity or EmptyStartEvent of the run whose state is one of `allowed`. */
  rollbackNode(nodeId: string, ...allowed: NodeStateName[]): { node: NodeDefinition; state: NodeStateRecord } {
    const node = this.node(nodeId);
    if (node.type !== 'ServiceActivity' && node.type !== 'EmptyStartEvent') {
      throw new InvalidOperationError(`rollback failed: node(${nodeId}) is a ${node.type}, only ServiceActivity`);
    }
    const state = this.states.get(nodeId);
    if (!state) throw new NotFoundError(`rollback failed: node(${nodeId}) state does not exist`);
    if (!allowed.includes(state.name)) {
      throw new InvalidOperationError(
        `rollback failed: node(${nodeId}) is ${state.name}, expected ${allowed.join(' or ')}`,
        {
          nodeId,
          state: state.name,
        },
      );
    }
    return { node, state };
  }

  /** Start and target carry the same token. */
  sameToken(startNodeId: string, targetNodeId: string): void {
    const start = this.tokens[startNodeId];
    const target = this.tokens[targetNodeId];
    if (start === undefined || target === undefined) {
      throw new InvalidOperationError(`rollback failed: token not found, pipeline_id=${this.rootPipelineId}`);
    }
    if (start !== target) {
      throw new InvalidOperationError('rollback failed: start node token must equal target node');
    }
  }

  /** Decision (1) of A.21: no node carrying the start node's token is RUNNING. */
  nothingRunningWithTokenOf(startNodeId: string): void {
    const token = this.tokens[startNodeId];
    const running = this.runningNodes().find((id) => this.tokens[id] === token);
    if (running) {
      throw new InvalidOperationError(`rollback failed: node(${running}) with the same token is running`);
    }
  }

  /** Decision (1) of A.21 for ANY mode: no node of the pipeline is RUNNING. */
  nothingRunning(): void {
    const [running] = this.runningNodes();
    if (running) throw new InvalidOperationError(`rollback failed: node(${running}) is running`);
  }

  /** Definitions of the FINISHED/FAILED nodes (root excluded): what the rollback graph is built from. */
  executedNodes(): Record<string, NodeDefinition> {
    const executed: Record<string, NodeDefinition> = {};
    for (const state of this.states.values()) {
      const node = this.run.nodes[state.nodeId];
      if (node && EXECUTED.includes(state.name)) executed[node.id] = node;
    }
    return executed;
  }

  /** RUNNING nodes; SubProcess records are pipeline states (RUNNING while their body runs). */
  private runningNodes(): string[] {
    return [...this.states.values()]
      .filter((state) => state.name === 'RUNNING' && state.nodeId !== this.rootPipelineId)
      .map((state) => state.nodeId)
      .filter((id) => this.run.nodes[id] !== undefined && this.run.nodes[id].type !== 'SubProcess');
  }
}
