import {
  InvalidOperationError,
  NotFoundError,
  type NodeDefinition,
  type RunDefinition,
  type RunPlan,
} from '@bamboo/engine';
import { In, type EntityManager } from 'typeorm';
import {
  ContextOutputsEntity,
  ContextValueEntity,
  NodeDataEntity,
  NodeEntity,
  NodeStateEntity,
  PipelineInstanceEntity,
  ProcessEntity,
} from '../persistence';
import { toContextRow, toProcessRow, toStateRow, toStoredInputs } from './record-mappers';
import { insertRows, isUniqueViolation } from './sql-helpers';

/**
 * Writes a whole run in one transaction (spec 09 §3; plus its tree for the task list) and reads its immutable definition back:
 * node rows carry the `NodeDefinition`, the root's `eri_data` row the root pipeline data, and
 * `eri_context_outputs` the declared outputs of every pipeline.
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
      await insertRows(m, NodeStateEntity, [toStateRow(plan.rootState)]);
      const instance = {
        pipelineId: rootId,
        name: plan.name,
        tree: plan.tree,
        createdTime: plan.rootState.createdTime,
      };
      await insertRows(m, PipelineInstanceEntity, [instance]);
      const first = plan.dispatch.find((d) => d.task.kind === 'execute' && d.task.processId === plan.rootProcess.id);
      await insertRows(m, ProcessEntity, [toProcessRow(plan.rootProcess, first?.task.nodeId ?? null)]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new InvalidOperationError(`pipeline(${rootId}) or one of its nodes exists`);
      throw error;
    }
  }

  async load(m: EntityManager, rootPipelineId: string): Promise<RunDefinition> {
    const rows = await m.find(NodeEntity, { where: { rootPipelineId } });
    if (rows.length === 0) throw new NotFoundError(`run ${rootPipelineId} does not exist`);
    const nodes: Record<string, NodeDefinition> = {};
    for (const row of rows) nodes[row.nodeId] = row.detail as unknown as NodeDefinition;
    const pipelineIds = [rootPipelineId, ...rows.filter((r) => r.detail.type === 'SubProcess').map((r) => r.nodeId)];
    const [outputs, rootData] = await Promise.all([
      m.find(ContextOutputsEntity, { where: { pipelineId: In(pipelineIds) } }),
      m.findOne(NodeDataEntity, { where: { nodeId: rootPipelineId } }),
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
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const batch = ids.slice(start, start + this.batchSize);
      const taken = await m.findOne(NodeStateEntity, { where: { nodeId: In(batch) }, select: { nodeId: true } });
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
    await insertRows(m, NodeEntity, nodeRows, this.batchSize);
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
    await insertRows(m, NodeDataEntity, dataRows, this.batchSize);
    const contextRows = plan.context.flatMap(({ pipelineId, values }) =>
      values.map((v) => toContextRow(pipelineId, v)),
    );
    await insertRows(m, ContextValueEntity, contextRows, this.batchSize);
    const outputRows = Object.entries(definition.pipelineOutputs).map(([pipelineId, outputs]) => ({
      pipelineId,
      outputs,
    }));
    await insertRows(m, ContextOutputsEntity, outputRows, this.batchSize);
  }
}
