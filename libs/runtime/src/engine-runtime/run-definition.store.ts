import {
  InvalidOperationError,
  NotFoundError,
  type NodeDefinition,
  type RunDefinition,
  type RunPlan,
} from '@bamboo/engine';
import type { EntityManager } from 'typeorm';
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

/**
 * Writes a whole run in one transaction (spec 09 §3; plus its tree for the task list) and reads its immutable definition back:
 * node rows carry the `NodeDefinition`, the root's `eri_data` row the root pipeline data, and
 * `eri_context_outputs` the declared outputs of every pipeline. Its statements go through RawTable
 * (fixed SQL texts, multi-row INSERTs in batches of `batchSize` rows).
 */
export class RunDefinitionStore {
  constructor(private readonly batchSize: number) {}

  async prepare(m: EntityManager, plan: RunPlan): Promise<void> {
    const rootId = plan.definition.rootPipelineId;
    await this.refuseExistingStates(m, [plan.rootState.nodeId, ...Object.keys(plan.definition.nodes)]);
    if (plan.nodeData.some((entry) => entry.nodeId === rootId)) {
      throw new Error(`run plan of ${rootId} carries node data for the pipeline itself`);
    }
    try {
      await this.insertDefinition(m, plan);
      await RawTable.of(m, NodeStateEntity).insert(m, [toStateRow(plan.rootState)]);
      const instance = {
        pipelineId: rootId,
        name: plan.name,
        tree: plan.tree,
        createdTime: plan.rootState.createdTime,
      };
      await RawTable.of(m, PipelineInstanceEntity).insert(m, [instance]);
      const first = plan.dispatch.find((d) => d.task.kind === 'execute' && d.task.processId === plan.rootProcess.id);
      await RawTable.of(m, ProcessEntity).insert(m, [toProcessRow(plan.rootProcess, first?.task.nodeId ?? null)]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new InvalidOperationError(`pipeline(${rootId}) or one of its nodes exists`);
      throw error;
    }
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

  private async refuseExistingStates(m: EntityManager, ids: string[]): Promise<void> {
    const states = RawTable.of(m, NodeStateEntity);
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const taken = await states.findOne(m, { nodeId: ids.slice(start, start + this.batchSize) });
      if (taken) throw new InvalidOperationError(`node(${taken.nodeId}) already has a state`);
    }
  }

  private async insertDefinition(m: EntityManager, plan: RunPlan): Promise<void> {
    const { definition } = plan;
    const rootId = definition.rootPipelineId;
    const nodeRows = Object.values(definition.nodes).map((node) => ({
      nodeId: node.id,
      rootPipelineId: rootId,
      detail: node as unknown as Record<string, unknown>,
    }));
    await RawTable.of(m, NodeEntity).insert(m, nodeRows, this.batchSize);
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
    await RawTable.of(m, NodeDataEntity).insert(m, dataRows, this.batchSize);
    const contextRows = plan.context.flatMap(({ pipelineId, values }) =>
      values.map((v) => toContextRow(pipelineId, v)),
    );
    await RawTable.of(m, ContextValueEntity).insert(m, contextRows, this.batchSize);
    const outputRows = Object.entries(definition.pipelineOutputs).map(([pipelineId, outputs]) => ({
      pipelineId,
      outputs,
    }));
    await RawTable.of(m, ContextOutputsEntity).insert(m, outputRows, this.batchSize);
  }
}
