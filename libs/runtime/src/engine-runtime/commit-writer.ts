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
import { RawTable, SameAs, SqlExpression, type Statement } from './raw-table';
import { writeRollback } from './rollback-tables';
import { isUniqueViolation } from './sql-helpers';
import type { StatementBatch } from './statement-batch';

/**
 * Applies one `StepCommit` inside an open transaction, in the order of the in-memory reference.
 * Every condition is a conditional statement whose row count is checked; the first mismatch
 * throws `StateVersionNotMatchError` and the caller's transaction rolls everything back.
 * Returns the dispatches to enqueue once the transaction has committed. The statements of every
 * step go through RawTable (fixed SQL texts) into a StatementBatch, which on MySQL sends them with
 * the transaction's START and COMMIT in one round trip; the rare rollback ones through the query
 * builder, one by one (such a commit needs an immediate batch: see `batchable`).
 */
export class CommitWriter {
  /** Whether every statement of `commit` can wait in a batch (no query-builder statement). */
  static batchable(commit: StepCommit): boolean {
    return !commit.deleteNodeRecords?.length && !commit.relabelLogs?.length && !commit.rollback;
  }

  /**
   * Adds the commit's writes to `batch`. Returns what the commit did, to ask once the batch's
   * transaction committed (the join's outcome is known only then).
   */
  async apply(
    m: EntityManager,
    batch: StatementBatch,
    commit: StepCommit,
  ): Promise<() => { outcome: CommitOutcome; dispatch: Dispatch[] }> {
    const direct = () => {
      // Query-builder statements would overtake the queued ones, outside their transaction order.
      if (!batch.immediate) throw new Error('a commit with rollback statements needs an immediate batch');
      return m;
    };
    if (commit.deleteNodeRecords?.length) await deleteNodeRecords(direct(), commit.deleteNodeRecords);
    for (const write of commit.states ?? []) await this.writeState(m, batch, write);
    if (commit.resetInnerLoopOf?.length) {
      await batch.add(
        RawTable.of(m, NodeStateEntity).updateStatement({ parentId: commit.resetInnerLoopOf }, { innerLoop: 0 }),
      );
    }
    await this.writeData(m, batch, commit);
    const dispatch = [...(commit.dispatch ?? [])];
    const taskNode = (token: string | null | undefined) => taskNodeOf(dispatch, token);
    const newProcesses = (commit.newProcesses ?? []).map((process) =>
      toProcessRow(process, taskNode(process.taskToken) ?? null),
    );
    await addAll(batch, RawTable.of(m, ProcessEntity).insertStatements(newProcesses));
    for (const write of commit.processes ?? []) await this.writeProcess(m, batch, write, taskNode);
    await addAll(
      batch,
      RawTable.of(m, ScheduleEntity).insertStatements((commit.newSchedules ?? []).map(toScheduleRow)),
    );
    for (const patch of commit.schedules ?? []) await this.writeSchedule(m, batch, patch);
    const callbackData = RawTable.of(m, CallbackDataEntity);
    await addAll(batch, callbackData.insertStatements((commit.callbackData ?? []).map(toCallbackDataRow)));
    if (commit.consumeCallbackData?.length) {
      await batch.add(callbackData.updateStatement({ id: commit.consumeCallbackData.map(rowId) }, { consumed: true }));
    }
    for (const { nodeId, fromVersion, toVersion } of commit.relabelLogs ?? []) {
      await updateWhere(direct(), LogEntryEntity, { nodeId, version: fromVersion }, { version: toVersion });
    }
    if (commit.rollback) await writeRollback(direct(), commit.rollback);
    const woken = commit.join ? await this.acknowledge(m, batch, commit.join) : undefined;
    return () => {
      const parentWoken = woken?.() ?? false;
      if (parentWoken) dispatch.push({ task: commit.join!.wakeParent, delaySeconds: 0 });
      return { outcome: { parentWoken }, dispatch };
    };
  }

  private async writeState(m: EntityManager, batch: StatementBatch, { record, expect }: StateWrite): Promise<void> {
    const states = RawTable.of(m, NodeStateEntity);
    if (expect === null) {
      const [insert] = states.insertStatements([toStateRow(record)]);
      await batch.add({
        ...insert!,
        mapError: (error) =>
          isUniqueViolation(error) ? new StateVersionNotMatchError(record.nodeId, null, 'existing') : error,
      });
      return;
    }
    const { nodeId, ...columns } = toStateRow(record);
    const where = { nodeId: record.nodeId, version: expect.version, name: expect.name };
    await batch.add({
      ...states.updateStatement(where, columns),
      unlessOne: () => new StateVersionNotMatchError(nodeId!, expect.version, null),
    });
  }

  private async writeData(m: EntityManager, batch: StatementBatch, commit: StepCommit): Promise<void> {
    const executionRows = (commit.executionData ?? []).map(({ nodeId, data }) => ({
      nodeId,
      inputs: data.inputs,
      outputs: data.outputs,
    }));
    const executionData = RawTable.of(m, ExecutionDataEntity);
    await addAll(batch, [executionData.upsertStatement(executionRows, ['inputs', 'outputs'], ['nodeId'])]);
    const outputRows = (commit.executionOutputs ?? []).map(({ nodeId, outputs }) => ({ nodeId, inputs: {}, outputs }));
    await addAll(batch, [executionData.upsertStatement(outputRows, ['outputs'], ['nodeId'])]);
    await addAll(
      batch,
      RawTable.of(m, ExecutionHistoryEntity).insertStatements((commit.histories ?? []).map(toHistoryRow)),
    );
    const contextRows = (commit.context ?? []).flatMap(({ pipelineId, values }) =>
      values.map((value) => toContextRow(pipelineId, value)),
    );
    const contextColumns = ['type', 'serializer', 'code', 'value', 'references'];
    await addAll(batch, [
      RawTable.of(m, ContextValueEntity).upsertStatement(contextRows, contextColumns, ['pipelineId', 'key']),
    ]);
    const dataRows = (commit.nodeData ?? []).map(({ nodeId, data }) => ({
      nodeId,
      inputs: toStoredInputs(data),
      outputs: {},
    }));
    await addAll(batch, [RawTable.of(m, NodeDataEntity).upsertStatement(dataRows, ['inputs'], ['nodeId'])]);
  }

  private async writeProcess(
    m: EntityManager,
    batch: StatementBatch,
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
    await batch.add({
      ...RawTable.of(m, ProcessEntity).updateStatement(where, columns),
      unlessOne: () => new StateVersionNotMatchError(write.id, write.expectToken ?? null, null),
    });
  }

  private async writeSchedule(m: EntityManager, batch: StatementBatch, { id, patch }: SchedulePatch): Promise<void> {
    const { times, ...flags } = patch;
    const set = {
      ...flags,
      ...(times === undefined ? {} : { scheduleTimes: times }),
      ...(patch.scheduling === false ? { lockAcquiredAt: null } : {}),
    };
    if (Object.keys(set).length > 0) {
      await batch.add(RawTable.of(m, ScheduleEntity).updateStatement({ id: rowId(id) }, set));
    }
  }

  /**
   * Spec 09 §1.1 `child_process_finish`: increment, then reset-if-complete; one child matches.
   * Returns whether the reset matched (the parent wakes), to ask once the transaction committed.
   */
  private async acknowledge(m: EntityManager, batch: StatementBatch, join: JoinAck): Promise<() => boolean> {
    const processes = RawTable.of(m, ProcessEntity);
    const id = rowId(join.parentProcessId);
    await batch.add({
      ...processes.updateStatement({ id }, { ackNum: new SqlExpression('ack_num + 1') }),
      unlessOne: () => new StateVersionNotMatchError(join.parentProcessId, null, null),
    });
    const wake = { ackNum: 0, needAck: -1, taskToken: join.wakeParent.token, taskNodeId: join.wakeParent.nodeId };
    let reset: number | undefined;
    await batch.add({
      ...processes.updateStatement({ id, ackNum: new SameAs('needAck') }, wake),
      observe: (affected) => {
        reset = affected;
      },
    });
    return () => {
      if (reset === undefined) throw new Error('the join acknowledgement has not run');
      return reset === 1;
    };
  }
}

/** Adds the statements there are (an upsert of no rows is none), in order. */
async function addAll(batch: StatementBatch, statements: ReadonlyArray<Statement | undefined>): Promise<void> {
  for (const statement of statements) if (statement) await batch.add(statement);
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
