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
import { In, type EntityManager } from 'typeorm';
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
import { RawTable, SameAs, SqlExpression } from './raw-table';
import { writeRollback } from './rollback-tables';
import { isUniqueViolation } from './sql-helpers';

/**
 * Applies one `StepCommit` inside an open transaction, in the order of the in-memory reference.
 * Every condition is a conditional statement whose row count is checked; the first mismatch
 * throws `StateVersionNotMatchError` and the caller's transaction rolls everything back.
 * Returns the dispatches to enqueue once the transaction has committed. The statements of every
 * step go through RawTable (fixed SQL texts); the rare rollback ones through the query builder.
 */
export class CommitWriter {
  async apply(m: EntityManager, commit: StepCommit): Promise<{ outcome: CommitOutcome; dispatch: Dispatch[] }> {
    if (commit.deleteNodeRecords?.length) await deleteNodeRecords(m, commit.deleteNodeRecords);
    for (const write of commit.states ?? []) await this.writeState(m, write);
    if (commit.resetInnerLoopOf?.length) {
      await RawTable.of(m, NodeStateEntity).update(m, { parentId: commit.resetInnerLoopOf }, { innerLoop: 0 });
    }
    await this.writeData(m, commit);
    const dispatch = [...(commit.dispatch ?? [])];
    const taskNode = (token: string | null | undefined) => taskNodeOf(dispatch, token);
    await RawTable.of(m, ProcessEntity).insert(
      m,
      (commit.newProcesses ?? []).map((process) => toProcessRow(process, taskNode(process.taskToken) ?? null)),
    );
    for (const write of commit.processes ?? []) await this.writeProcess(m, write, taskNode);
    await RawTable.of(m, ScheduleEntity).insert(m, (commit.newSchedules ?? []).map(toScheduleRow));
    for (const patch of commit.schedules ?? []) await this.writeSchedule(m, patch);
    const callbackData = RawTable.of(m, CallbackDataEntity);
    await callbackData.insert(m, (commit.callbackData ?? []).map(toCallbackDataRow));
    if (commit.consumeCallbackData?.length) {
      await callbackData.update(m, { id: commit.consumeCallbackData.map(rowId) }, { consumed: true });
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
        await RawTable.of(m, NodeStateEntity).insert(m, [toStateRow(record)]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StateVersionNotMatchError(record.nodeId, null, 'existing');
        throw error;
      }
      return;
    }
    const { nodeId, ...columns } = toStateRow(record);
    const where = { nodeId: record.nodeId, version: expect.version, name: expect.name };
    if ((await RawTable.of(m, NodeStateEntity).update(m, where, columns)) !== 1) {
      throw new StateVersionNotMatchError(nodeId!, expect.version, null);
    }
  }

  private async writeData(m: EntityManager, commit: StepCommit): Promise<void> {
    const executionRows = (commit.executionData ?? []).map(({ nodeId, data }) => ({
      nodeId,
      inputs: data.inputs,
      outputs: data.outputs,
    }));
    const executionData = RawTable.of(m, ExecutionDataEntity);
    await executionData.upsert(m, executionRows, ['inputs', 'outputs'], ['nodeId']);
    const outputRows = (commit.executionOutputs ?? []).map(({ nodeId, outputs }) => ({ nodeId, inputs: {}, outputs }));
    await executionData.upsert(m, outputRows, ['outputs'], ['nodeId']);
    await RawTable.of(m, ExecutionHistoryEntity).insert(m, (commit.histories ?? []).map(toHistoryRow));
    const contextRows = (commit.context ?? []).flatMap(({ pipelineId, values }) =>
      values.map((value) => toContextRow(pipelineId, value)),
    );
    await RawTable.of(m, ContextValueEntity).upsert(
      m,
      contextRows,
      ['type', 'serializer', 'code', 'value', 'references'],
      ['pipelineId', 'key'],
    );
    const dataRows = (commit.nodeData ?? []).map(({ nodeId, data }) => ({
      nodeId,
      inputs: toStoredInputs(data),
      outputs: {},
    }));
    await RawTable.of(m, NodeDataEntity).upsert(m, dataRows, ['inputs'], ['nodeId']);
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
    const where = { id: rowId(write.id), ...(conditional ? { taskToken: write.expectToken } : {}) };
    // An empty patch still checks the token: RawTable writes `id = id`, matching without changing.
    if ((await RawTable.of(m, ProcessEntity).update(m, where, columns)) !== 1) {
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
    if (Object.keys(set).length > 0) await RawTable.of(m, ScheduleEntity).update(m, { id: rowId(id) }, set);
  }

  /** Spec 09 §1.1 `child_process_finish`: increment, then reset-if-complete; one child matches. */
  private async acknowledge(m: EntityManager, join: JoinAck): Promise<boolean> {
    const processes = RawTable.of(m, ProcessEntity);
    const id = rowId(join.parentProcessId);
    if ((await processes.update(m, { id }, { ackNum: new SqlExpression('ack_num + 1') })) !== 1) {
      throw new StateVersionNotMatchError(join.parentProcessId, null, null);
    }
    const wake = { ackNum: 0, needAck: -1, taskToken: join.wakeParent.token, taskNodeId: join.wakeParent.nodeId };
    return (await processes.update(m, { id, ackNum: new SameAs('needAck') }, wake)) === 1;
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
