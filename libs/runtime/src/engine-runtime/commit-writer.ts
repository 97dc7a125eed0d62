import {
  StateVersionNotMatchError,
  type CommitOutcome,
  type Dispatch,
  type JoinAck,
  type ProcessWrite,
  type SchedulePatch,
  type StateWrite,
  type StepCommit,
} from '@bamboo/engine';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  CallbackDataEntity,
  ContextValueEntity,
  ExecutionDataEntity,
  ExecutionHistoryEntity,
  LogEntryEntity,
  NodeDataEntity,
  NodeStateEntity,
  ProcessEntity,
  ScheduleEntity,
  updateWhere,
} from '../persistence';
import {
  rowId,
  toCallbackDataRow,
  toContextRow,
  toHistoryRow,
  toProcessPatch,
  toProcessRow,
  toScheduleRow,
  toStateRow,
  toStoredInputs,
} from './record-mappers';
import { writeRollback } from './rollback-tables';
import { insertRows, isUniqueViolation, upsertRows } from './sql-helpers';

/**
 * Applies one `StepCommit` inside an open transaction, in the order of the in-memory reference.
 * Every condition is a conditional statement whose row count is checked; the first mismatch
 * throws `StateVersionNotMatchError` and the caller's transaction rolls everything back.
 * Returns the dispatches to enqueue once the transaction has committed.
 */
export class CommitWriter {
  async apply(m: EntityManager, commit: StepCommit): Promise<{ outcome: CommitOutcome; dispatch: Dispatch[] }> {
    if (commit.deleteNodeRecords?.length) await deleteNodeRecords(m, commit.deleteNodeRecords);
    for (const write of commit.states ?? []) await this.writeState(m, write);
    if (commit.resetInnerLoopOf?.length) {
      await updateWhere(m, NodeStateEntity, { parentId: In(commit.resetInnerLoopOf) }, { innerLoop: 0 });
    }
    await this.writeData(m, commit);
    const dispatch = [...(commit.dispatch ?? [])];
    const taskNode = (token: string | null | undefined) => taskNodeOf(dispatch, token);
    await insertRows(
      m,
      ProcessEntity,
      (commit.newProcesses ?? []).map((process) => toProcessRow(process, taskNode(process.taskToken) ?? null)),
    );
    for (const write of commit.processes ?? []) await this.writeProcess(m, write, taskNode);
    await insertRows(m, ScheduleEntity, (commit.newSchedules ?? []).map(toScheduleRow));
    for (const patch of commit.schedules ?? []) await this.writeSchedule(m, patch);
    await insertRows(m, CallbackDataEntity, (commit.callbackData ?? []).map(toCallbackDataRow));
    if (commit.consumeCallbackData?.length) {
      await updateWhere(m, CallbackDataEntity, { id: In(commit.consumeCallbackData.map(rowId)) }, { consumed: true });
    }
    for (const { nodeId, fromVersion, toVersion } of commit.relabelLogs ?? []) {
      await updateWhere(m, LogEntryEntity, { nodeId, version: fromVersion }, { version: toVersion });
    }
    if (commit.rollback) await writeRollback(m, commit.rollback);
    const parentWoken = commit.join ? await this.acknowledge(m, commit.join) : false;
    if (parentWoken) dispatch.push({ task: commit.join!.wakeParent, delaySeconds: 0 });
    return { outcome: { parentWoken }, dispatch };
  }

  private async writeState(m: EntityManager, { record, expect }: StateWrite): Promise<void> {
    if (expect === null) {
      try {
        await insertRows(m, NodeStateEntity, [toStateRow(record)]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StateVersionNotMatchError(record.nodeId, null, 'existing');
        throw error;
      }
      return;
    }
    const { nodeId, ...columns } = toStateRow(record);
    const where = { nodeId: record.nodeId, version: expect.version, name: expect.name };
    if ((await updateWhere(m, NodeStateEntity, where, columns)) !== 1) {
      throw new StateVersionNotMatchError(nodeId!, expect.version, null);
    }
  }

  private async writeData(m: EntityManager, commit: StepCommit): Promise<void> {
    const executionRows = (commit.executionData ?? []).map(({ nodeId, data }) => ({
      nodeId,
      inputs: data.inputs,
      outputs: data.outputs,
    }));
    await upsertRows(m, ExecutionDataEntity, executionRows, ['inputs', 'outputs'], ['node_id']);
    const outputRows = (commit.executionOutputs ?? []).map(({ nodeId, outputs }) => ({ nodeId, inputs: {}, outputs }));
    await upsertRows(m, ExecutionDataEntity, outputRows, ['outputs'], ['node_id']);
    await insertRows(m, ExecutionHistoryEntity, (commit.histories ?? []).map(toHistoryRow));
    const contextRows = (commit.context ?? []).flatMap(({ pipelineId, values }) =>
      values.map((value) => toContextRow(pipelineId, value)),
    );
    await upsertRows(
      m,
      ContextValueEntity,
      contextRows,
      ['type', 'serializer', 'code', 'value', 'references'],
      ['pipeline_id', 'key'],
    );
    const dataRows = (commit.nodeData ?? []).map(({ nodeId, data }) => ({
      nodeId,
      inputs: toStoredInputs(data),
      outputs: {},
    }));
    await upsertRows(m, NodeDataEntity, dataRows, ['inputs'], ['node_id']);
  }

  private async writeProcess(
    m: EntityManager,
    write: ProcessWrite,
    taskNode: (token: string | null | undefined) => string | null | undefined,
  ): Promise<void> {
    const columns = toProcessPatch(write.patch);
    const node = taskNode(write.patch.taskToken);
    if (node !== undefined) columns.taskNodeId = node;
    const conditional = write.expectToken !== undefined;
    if (Object.keys(columns).length === 0 && !conditional) return;
    const where = {
      id: rowId(write.id),
      ...(conditional ? { taskToken: write.expectToken === null ? IsNull() : write.expectToken } : {}),
    };
    // An empty patch still checks the token: `id = id` matches the row without changing it.
    const set = Object.keys(columns).length > 0 ? columns : { id: () => 'id' };
    if ((await updateWhere(m, ProcessEntity, where, set)) !== 1) {
      throw new StateVersionNotMatchError(write.id, write.expectToken ?? null, null);
    }
  }

  private async writeSchedule(m: EntityManager, { id, patch }: SchedulePatch): Promise<void> {
    const { times, ...flags } = patch;
    const set = {
      ...flags,
      ...(times === undefined ? {} : { scheduleTimes: times }),
      ...(patch.scheduling === false ? { lockAcquiredAt: null } : {}),
    };
    if (Object.keys(set).length > 0) await updateWhere(m, ScheduleEntity, { id: rowId(id) }, set);
  }

  /** Spec 09 §1.1 `child_process_finish`: increment, then reset-if-complete; one child matches. */
  private async acknowledge(m: EntityManager, join: JoinAck): Promise<boolean> {
    const parentId = rowId(join.parentProcessId);
    if ((await updateWhere(m, ProcessEntity, { id: parentId }, { ackNum: () => 'ack_num + 1' })) !== 1) {
      throw new StateVersionNotMatchError(join.parentProcessId, null, null);
    }
    const result = await m
      .createQueryBuilder()
      .update(ProcessEntity)
      .set({ ackNum: 0, needAck: -1, taskToken: join.wakeParent.token, taskNodeId: join.wakeParent.nodeId })
      .where('id = :id AND ack_num = need_ack', { id: parentId })
      .execute();
    return result.affected === 1;
  }
}

/** Rollback clean-up: every record keyed by these node ids, before the rest of the commit. */
async function deleteNodeRecords(m: EntityManager, nodeIds: string[]): Promise<void> {
  const where = { nodeId: In(nodeIds) };
  for (const entity of [
    NodeStateEntity,
    ExecutionDataEntity,
    ExecutionHistoryEntity,
    ScheduleEntity,
    CallbackDataEntity,
  ] as const) {
    await m.createQueryBuilder().delete().from(entity).where(where).execute();
  }
}

/**
 * The node of the execute task that carries `token`, so that the process row records where its
 * pending task starts (`undefined`: the write does not touch the token; `null`: token cleared).
 */
function taskNodeOf(dispatch: readonly Dispatch[], token: string | null | undefined): string | null | undefined {
  if (token === undefined) return undefined;
  if (token === null) return null;
  const task = dispatch.find((d) => d.task.kind === 'execute' && d.task.token === token)?.task;
  return task?.nodeId ?? null;
}
