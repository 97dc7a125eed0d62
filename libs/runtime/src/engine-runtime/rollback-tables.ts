import type { RollbackGraphRecord, RollbackMode, RollbackState, RollbackWrites } from '@bamboo/engine';
import { In, type EntityManager } from 'typeorm';
import { RollbackNodeSnapshotEntity, RollbackPlanEntity, RollbackSnapshotEntity, updateWhere } from '../persistence';
import { rowId } from './record-mappers';
import { insertRows } from './sql-helpers';

/**
 * `EngineRuntime.loadRollbackState` on the rollback tables of spec 09 §2.3: unexpired
 * `rollback_snapshot` rows (runs) and `rollback_plan` rows, and every `rollback_node_snapshot` of
 * the pipeline in id (insertion) order. Three indexed SELECTs.
 */
export async function readRollbackState(m: EntityManager, rootPipelineId: string): Promise<RollbackState> {
  const runs = await m.find(RollbackSnapshotEntity, {
    where: { rootPipelineId, isExpired: false },
    order: { id: 'ASC' },
  });
  const plans = await m.find(RollbackPlanEntity, { where: { rootPipelineId, isExpired: false }, order: { id: 'ASC' } });
  const snapshots = await m.find(RollbackNodeSnapshotEntity, { where: { rootPipelineId }, order: { id: 'ASC' } });
  return {
    runs: runs.map((row) => ({
      id: String(row.id),
      rootPipelineId: row.rootPipelineId,
      graph: row.graph as unknown as RollbackGraphRecord,
      nodeAccessRecord: row.nodeAccessRecord,
      skipRollbackNodes: row.skipRollbackNodes,
      otherNodes: row.otherNodes,
      startNodeId: row.startNodeId,
      targetNodeId: row.targetNodeId,
      expired: row.isExpired,
    })),
    plans: plans.map((row) => ({
      id: String(row.id),
      rootPipelineId: row.rootPipelineId,
      startNodeId: row.startNodeId,
      targetNodeId: row.targetNodeId,
      mode: row.mode as RollbackMode,
      options: row.options,
      expired: row.isExpired,
    })),
    nodeSnapshots: snapshots.map((row) => ({
      id: String(row.id),
      rootPipelineId: row.rootPipelineId,
      nodeId: row.nodeId,
      code: row.code,
      version: row.version,
      inputs: row.inputs,
      outputs: row.outputs,
      contextValues: row.contextValues,
      rolledBack: row.rolledBack,
    })),
  };
}

/** `StepCommit.rollback` inside the commit's transaction, in the in-memory reference's order. */
export async function writeRollback(m: EntityManager, writes: RollbackWrites): Promise<void> {
  if (writes.clearRootPipelines?.length) {
    const rootPipelineId = In(writes.clearRootPipelines);
    await m.createQueryBuilder().delete().from(RollbackNodeSnapshotEntity).where({ rootPipelineId }).execute();
    await updateWhere(m, RollbackSnapshotEntity, { rootPipelineId }, { isExpired: true });
    await updateWhere(m, RollbackPlanEntity, { rootPipelineId }, { isExpired: true });
  }
  await insertRows(
    m,
    RollbackNodeSnapshotEntity,
    (writes.addNodeSnapshots ?? []).map((snapshot) => ({ ...snapshot, rolledBack: false })),
  );
  if (writes.markRolledBack?.length) {
    await updateWhere(
      m,
      RollbackNodeSnapshotEntity,
      { id: In(writes.markRolledBack.map(rowId)) },
      { rolledBack: true },
    );
  }
  for (const { rootPipelineId, startNodeId } of writes.expirePlans ?? []) {
    await updateWhere(m, RollbackPlanEntity, { rootPipelineId, startNodeId, isExpired: false }, { isExpired: true });
  }
  await insertRows(
    m,
    RollbackPlanEntity,
    (writes.addPlans ?? []).map((plan) => ({ ...plan, isExpired: false })),
  );
  await insertRows(
    m,
    RollbackSnapshotEntity,
    (writes.addRuns ?? []).map((run) => ({ ...run, isExpired: false })),
  );
  for (const { id, nodeAccessRecord } of writes.runAccess ?? []) {
    await updateWhere(m, RollbackSnapshotEntity, { id: rowId(id) }, { nodeAccessRecord });
  }
}
