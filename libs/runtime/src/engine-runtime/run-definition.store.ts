import {
  InvalidOperationError,
  NotFoundError,
  type NodeDefinition,
  type RunDefinition,
  type RunPlan,
} from '@bamboo/engine';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  ContextOutputsEntity,
  ContextValueEntity,
  NodeDataEntity,
  NodeEntity,
  NodeStateEntity,
  PipelineInstanceEntity,
  ProcessEntity,
} from '../persistence';
import { RawTable } from './raw-table';
import { toContextRow, toProcessRow, toStateRow, toStoredInputs } from './record-mappers';
import { isUniqueViolation } from './sql-helpers';
import { noRowGuard, type StatementBatch } from './statement-batch';

/**
 * Writes a whole run in one transaction (spec 09 §3; plus its tree for the task list), one round
 * trip on MySQL, and reads its immutable definition back:
 * node rows carry the `NodeDefinition`, the root's `eri_data` row the root pipeline data, and
 * `eri_context_outputs` the declared outputs of every pipeline. Its statements go through RawTable
 * (fixed SQL texts, multi-row INSERTs in batches of `batchSize` rows).
 */
export class RunDefinitionStore {
  constructor(private readonly batchSize: number) {}

  /**
   * Adds the run's statements to `batch`: the refusal of ids that already have a state, then every
   * INSERT. Immediate (SQLite): the refusal is a SELECT, checked at once. Queued (MySQL): it is a
   * guard at the head of the batch, so that the whole run is one round trip; a taken id then fails
   * the batch's commit with an error that `refusal` turns into the one SQLite gives.
   */
  async prepare(m: EntityManager, batch: StatementBatch, plan: RunPlan): Promise<void> {
    const rootId = plan.definition.rootPipelineId;
    if (plan.nodeData.some((entry) => entry.nodeId === rootId)) {
      throw new Error(`run plan of ${rootId} carries node data for the pipeline itself`);
    }
    const ids = idsOf(plan);
    if (batch.immediate) {
      const taken = await this.takenState(m, ids);
      if (taken !== undefined) throw alreadyHasState(taken);
    } else {
      const states = RawTable.of(m, NodeStateEntity);
      for (let start = 0; start < ids.length; start += this.batchSize) {
        const select = states.findStatement({ nodeId: ids.slice(start, start + this.batchSize) });
        await batch.add(noRowGuard(select, () => new StateTaken()));
      }
    }
    // A state the refusal did not see yet (a concurrent submission), or a node row without one.
    const exists = (error: unknown) => (isUniqueViolation(error) ? runExists(rootId) : error);
    const insert = async <E extends ObjectLiteral>(entity: EntityTarget<E>, rows: ReadonlyArray<object>) => {
      for (const statement of RawTable.of(m, entity).insertStatements(rows, this.batchSize)) {
        await batch.add({ ...statement, mapError: exists });
      }
    };
    await this.insertDefinition(plan, insert);
    await insert(NodeStateEntity, [toStateRow(plan.rootState)]);
    const instance = { pipelineId: rootId, name: plan.name, tree: plan.tree, createdTime: plan.rootState.createdTime };
    await insert(PipelineInstanceEntity, [instance]);
    const first = plan.dispatch.find((d) => d.task.kind === 'execute' && d.task.processId === plan.rootProcess.id);
    await insert(ProcessEntity, [toProcessRow(plan.rootProcess, first?.task.nodeId ?? null)]);
  }

  /**
   * The error a failed `prepare` on a queued batch is to throw, once its transaction rolled back:
   * a taken id is named, as the immediate refusal does (the guard cannot say which it was).
   */
  async refusal(m: EntityManager, plan: RunPlan, error: unknown): Promise<unknown> {
    if (!(error instanceof StateTaken)) return error;
    const taken = await this.takenState(m, idsOf(plan));
    // Its state went away since the guard saw it; the run was refused all the same.
    return taken === undefined ? runExists(plan.definition.rootPipelineId) : alreadyHasState(taken);
  }

  async load(m: EntityManager, rootPipelineId: string): Promise<RunDefinition> {
    const rows = await RawTable.of(m, NodeEntity).find(m, { rootPipelineId });
    if (rows.length === 0) throw new NotFoundError(`run ${rootPipelineId} does not exist`);
    const nodes: Record<string, NodeDefinition> = {};
    for (const row of rows) nodes[row.nodeId] = row.detail as unknown as NodeDefinition;
    const pipelineIds = [rootPipelineId, ...rows.filter((r) => r.detail.type === 'SubProcess').map((r) => r.nodeId)];
    const [outputs, rootData] = await Promise.all([
      RawTable.of(m, ContextOutputsEntity).find(m, { pipelineId: pipelineIds }),
      RawTable.of(m, NodeDataEntity).findOne(m, { nodeId: rootPipelineId }),
    ]);
    const pipelineOutputs: Record<string, string[]> = {};
    for (const row of outputs) pipelineOutputs[row.pipelineId] = row.outputs;
    const rootPipelineData: Record<string, unknown> = {};
    for (const [key, input] of Object.entries((rootData?.inputs ?? {}) as Record<string, { value: unknown }>)) {
      rootPipelineData[key] = input.value;
    }
    return { rootPipelineId, nodes, rootPipelineData, pipelineOutputs };
  }

  private async takenState(m: EntityManager, ids: string[]): Promise<string | undefined> {
    const states = RawTable.of(m, NodeStateEntity);
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const taken = await states.findOne(m, { nodeId: ids.slice(start, start + this.batchSize) });
      if (taken) return taken.nodeId;
    }
    return undefined;
  }

  private async insertDefinition(plan: RunPlan, insert: Insert): Promise<void> {
    const { definition } = plan;
    const rootId = definition.rootPipelineId;
    const nodeRows = Object.values(definition.nodes).map((node) => ({
      nodeId: node.id,
      rootPipelineId: rootId,
      detail: node as unknown as Record<string, unknown>,
    }));
    await insert(NodeEntity, nodeRows);
    const rootInputs = Object.fromEntries(
      Object.entries(definition.rootPipelineData).map(([key, value]) => [key, { needRender: false, value }]),
    );
    const dataRows = [
      ...plan.nodeData.map(({ nodeId, data }) => ({
        nodeId,
        inputs: toStoredInputs(data),
        outputs: definition.nodes[nodeId]?.outputMapping ?? {},
      })),
      { nodeId: rootId, inputs: toStoredInputs({ inputs: rootInputs }), outputs: {} },
    ];
    await insert(NodeDataEntity, dataRows);
    const contextRows = plan.context.flatMap(({ pipelineId, values }) =>
      values.map((v) => toContextRow(pipelineId, v)),
    );
    await insert(ContextValueEntity, contextRows);
    const outputRows = Object.entries(definition.pipelineOutputs).map(([pipelineId, outputs]) => ({
      pipelineId,
      outputs,
    }));
    await insert(ContextOutputsEntity, outputRows);
  }
}

type Insert = <E extends ObjectLiteral>(entity: EntityTarget<E>, rows: ReadonlyArray<object>) => Promise<void>;

/** A queued batch's guard found a state among the run's ids (which one, `refusal` reads). */
class StateTaken extends Error {}

function idsOf(plan: RunPlan): string[] {
  return [plan.rootState.nodeId, ...Object.keys(plan.definition.nodes)];
}

function runExists(rootId: string): InvalidOperationError {
  return new InvalidOperationError(`pipeline(${rootId}) or one of its nodes exists`);
}

function alreadyHasState(nodeId: string): InvalidOperationError {
  return new InvalidOperationError(`node(${nodeId}) already has a state`);
}
