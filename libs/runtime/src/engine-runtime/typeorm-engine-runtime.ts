import {
  LockContentionError,
  NOOP_LOGGER,
  type CallbackSnapshot,
  type CallbackTargetQuery,
  type Clock,
  type CommitOutcome,
  type ContextValue,
  type Dispatch,
  type EngineRuntime,
  type ExecuteStepSnapshot,
  type Logger,
  type OperatorSnapshot,
  type RollbackState,
  type RunDefinition,
  type RunPlan,
  type ScheduleStepQuery,
  type ScheduleStepSnapshot,
  type StepCommit,
} from '@bamboo/engine';
import type { DataSource, EntityManager } from 'typeorm';
import { IdBlockEntity, ScheduleEntity } from '../persistence';
import type { TaskQueue } from '../queue/task-queue';
import { BlockIdGenerator } from './block-id-generator';
import { readCallbackTargets } from './callback-targets.reader';
import { CommitWriter } from './commit-writer';
import { EmbeddedRecovery, type RecoveryReport } from './embedded-recovery';
import { EngineRuntimeReads } from './engine-runtime.reads';
import { gateFor } from './gate-for';
import { NodeLogWriter } from './node-log.writer';
import { Below, RawTable, executeStatement, type Statement } from './raw-table';
import { rowId } from './record-mappers';
import { readRollbackState } from './rollback-tables';
import { RunDefinitionStore } from './run-definition.store';
import type { Gate } from './serial-gate';
import { isLockConflict } from './sql-helpers';
import { ImmediateBatch, batchedTransaction, supportsBatches, type StatementBatch } from './statement-batch';
import { Coalescer } from './coalescer';
import { matchedRows, selectedRows, sendTogether } from './mysql-multi-statement';
import { MysqlReadGroups } from './mysql-read-groups';
import { StepReader } from './step-reader';
import { TaskDispatcher } from './task-dispatcher';

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/**
 * A submission's refusal guard reads eri_state for ids that mostly do not exist. Under REPEATABLE
 * READ that read inside a write transaction locks the gaps where those ids would go, and two
 * concurrent submissions then deadlock on each other's inserts (measured: lock conflicts and a
 * 500 with 10 concurrent submissions and groups off). READ COMMITTED takes no gap locks; the
 * unique keys still refuse a run that a concurrent submission stored first.
 */
const PREPARE_ISOLATION = { readCommitted: true };

export interface TypeormEngineRuntimeOptions {
  /** An initialised data source whose schema is migrated (createBambooDataSource). */
  dataSource: DataSource;
  queue: TaskQueue;
  /** @default the system clock */
  clock?: Clock;
  logger?: Logger;
  /** Rows per INSERT in prepareRun (BAMBOO_DJANGO_ERI_PREPARE_BATCH_SIZE). @default 500 */
  prepareBatchSize?: number;
  /** A schedule lock older than this is taken over (09 §6.2 c). @default 600 */
  scheduleLockTtlSeconds?: number;
  /** Retries of a commit that lost a MySQL deadlock or lock wait. @default 3 */
  lockConflictRetries?: number;
  /**
   * Step commits waiting at the same time share one transaction, and on MySQL step reads one
   * round trip (see Coalescer): how many groups may be out at once, and how many items one may
   * hold. `false` (or a group size of 1) sends each alone.
   * @default { maxInFlight: 1, maxGroupSize: 32 }
   */
  roundTripGroups?: false | { maxInFlight?: number; maxGroupSize?: number };
}

/** Group limits of `roundTripGroups`; undefined when grouping is off. */
function roundTripLimits(
  setting: TypeormEngineRuntimeOptions['roundTripGroups'],
): { maxInFlight: number; maxGroupSize: number } | undefined {
  if (setting === false || setting?.maxGroupSize === 1) return undefined;
  return { maxInFlight: setting?.maxInFlight ?? 1, maxGroupSize: setting?.maxGroupSize ?? 32 };
}

/** `apply` on each item in order (statements queue in that order); their results in order. */
async function applyEach<I, R>(items: readonly I[], apply: (item: I) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await apply(item));
  return results;
}

/** A commit's result, asked once its transaction committed (the join's outcome is known then). */
type CommitDone = () => { outcome: CommitOutcome; dispatch: Dispatch[] };

/**
 * The engine runtime port on TypeORM (MySQL or SQLite) and a TaskQueue (ADR 0003). A commit is one
 * transaction of conditional statements; its dispatches are enqueued after COMMIT (outbox).
 * Call `start()` before handing `ids` to an Engine.
 */
export class TypeormEngineRuntime extends EngineRuntimeReads implements EngineRuntime {
  readonly ids: BlockIdGenerator;
  private readonly gate: Gate;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly reader = new StepReader();
  private readonly writer = new CommitWriter();
  private readonly runs: RunDefinitionStore;
  private readonly dispatcher: TaskDispatcher;
  private readonly logs: NodeLogWriter;
  /** MySQL/MariaDB: commits send their writes in one multi-statement round trip. */
  private readonly batching: boolean;
  private readonly groups: Coalescer<StepCommit, CommitDone> | undefined;
  private readonly preparations: Coalescer<RunPlan, void> | undefined;

  constructor(private readonly options: TypeormEngineRuntimeOptions) {
    const gate = gateFor(options.dataSource);
    super(options.dataSource, gate);
    this.gate = gate;
    this.batching = supportsBatches(options.dataSource);
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.logger = options.logger ?? NOOP_LOGGER;
    this.runs = new RunDefinitionStore(options.prepareBatchSize ?? 500);
    this.dispatcher = new TaskDispatcher(options.queue, this.clock, this.logger);
    this.logs = new NodeLogWriter(options.dataSource, gate, this.clock, (error) =>
      this.logger.error('node log lines lost', { error: String(error) }),
    );
    const limits = roundTripLimits(options.roundTripGroups);
    if (limits && this.batching) MysqlReadGroups.install(options.dataSource, limits);
    this.groups =
      limits &&
      new Coalescer<StepCommit, CommitDone>({
        // A failed group makes every member commit again alone, with a guard after each
        // conditional write: the group itself checks them all with one (MysqlBatch countedChecks).
        together: (commits) =>
          this.inOneTransaction((m, batch) => applyEach(commits, (c) => this.writer.apply(m, batch, c)), {
            countedChecks: true,
          }),
        alone: (commit) => this.commitAlone(commit),
        ...limits,
        onGroupFailed: (size, error) =>
          this.logger.debug('a commit group failed; its commits go alone', { size, error: String(error) }),
      });
    this.preparations =
      limits &&
      new Coalescer<RunPlan, void>({
        together: (plans) =>
          this.inOneTransaction(
            (m, batch) => applyEach(plans, (plan) => this.runs.prepare(m, batch, plan)),
            PREPARE_ISOLATION,
          ),
        alone: (plan) => this.prepareAlone(plan),
        ...limits,
      });
    this.ids = new BlockIdGenerator(
      () => this.reserveIdBlock(),
      (error) => this.logger.error('could not reserve an id block', { error: String(error) }),
    );
  }

  async start(): Promise<void> {
    await this.ids.start();
  }

  /**
   * The logger to give the Engine: forwards to `base` and stores the lines of node attempts
   * (meta `nodeId` + `version`) for `getNodeLogs`.
   */
  nodeLogger(base?: Logger): Logger {
    return this.logs.logger(base);
  }

  /** Stores buffered node log lines now (call before closing the data source). */
  flushLogs(): Promise<void> {
    return this.logs.flush();
  }

  override async getNodeLogs(nodeId: string, version: string): Promise<string[]> {
    await this.logs.flush();
    return super.getNodeLogs(nodeId, version);
  }

  /**
   * On MySQL a run is stored in one round trip (START TRANSACTION, the refusal of taken ids, the
   * INSERTs, COMMIT: see RunDefinitionStore.prepare); SQLite, or MySQL without multi-statement
   * texts, runs them one by one. Submissions that arrive together (a burst of POST /pipelines)
   * share one transaction like step commits (ADR 0011); a group that fails prepares each alone,
   * which names each refusal.
   */
  async prepareRun(plan: RunPlan): Promise<void> {
    await (this.preparations ? this.preparations.run(plan) : this.prepareAlone(plan));
    await this.dispatcher.dispatch(plan.dispatch);
  }

  private async prepareAlone(plan: RunPlan): Promise<void> {
    if (this.batching) {
      await this.retryLockConflicts(() =>
        batchedTransaction(this.dataSource, (m, batch) => this.runs.prepare(m, batch, plan), PREPARE_ISOLATION),
      ).catch(async (error: unknown) => {
        throw await this.read((m) => this.runs.refusal(m, plan, error));
      });
    } else await this.transaction((m) => this.runs.prepare(m, new ImmediateBatch(m), plan));
  }

  loadRunDefinition(rootPipelineId: string): Promise<RunDefinition> {
    return this.read((m) => this.runs.load(m, rootPipelineId));
  }

  loadExecuteStep(processId: string, nodeId: string): Promise<ExecuteStepSnapshot> {
    return this.read((m) => this.reader.executeStep(m, processId, nodeId));
  }

  loadScheduleStep(query: ScheduleStepQuery): Promise<ScheduleStepSnapshot> {
    return this.read((m) => this.reader.scheduleStep(m, query));
  }

  readContext(pipelineId: string, keys: string[], withReferences: boolean): Promise<ContextValue[]> {
    return this.read((m) => this.reader.context(m, pipelineId, keys, withReferences));
  }

  /**
   * On MySQL, a commit whose statements can all wait in a batch takes one round trip: START
   * TRANSACTION, its writes and COMMIT (see MysqlBatch). SQLite, in-process, runs them one by one,
   * as do the rare commits with query-builder (rollback) statements. Commits that wait for the
   * database at the same time share a transaction (Coalescer).
   */
  async commit(commit: StepCommit): Promise<CommitOutcome> {
    if (commit.relabelLogs?.length) await this.logs.flush();
    const done =
      this.groups && CommitWriter.batchable(commit) ? await this.groups.run(commit) : await this.commitAlone(commit);
    const { outcome, dispatch } = done();
    await this.dispatcher.dispatch(dispatch);
    return outcome;
  }

  private commitAlone(commit: StepCommit): Promise<CommitDone> {
    return this.batching && CommitWriter.batchable(commit)
      ? this.retryLockConflicts(() =>
          batchedTransaction(this.dataSource, (m, batch) => this.writer.apply(m, batch, commit)),
        )
      : this.transaction((m) => this.writer.apply(m, new ImmediateBatch(m), commit));
  }

  /**
   * A group's work in one transaction (a MysqlBatch on MySQL); a failure rolls it all back and is
   * thrown as is, for the coalescer to send the members alone.
   */
  private inOneTransaction<T>(
    work: (m: EntityManager, batch: StatementBatch) => Promise<T>,
    options: { countedChecks?: boolean; readCommitted?: boolean },
  ): Promise<T> {
    return this.gate.run(() =>
      this.batching
        ? batchedTransaction(this.dataSource, work, options)
        : this.dataSource.transaction((m) => work(m, new ImmediateBatch(m))),
    );
  }

  /** `scheduling: false → true`, or take over a lock leaked longer than the TTL. */
  acquireScheduleLock(scheduleId: string): Promise<boolean> {
    return this.gate.run(
      async () => (await executeStatement(this.dataSource.manager, this.scheduleLock(scheduleId))) === 1,
    );
  }

  /**
   * The schedule lock, then the step's read. On MySQL one round trip: the lock's UPDATE and the
   * SELECT go as one multi-statement text, each its own autocommit statement in order, so the read
   * comes after the lock and sees everything the previous holder committed with its release. A
   * SELECT that fails after the lock was taken leaves it held, as a worker dying there would: the
   * lock's TTL frees it.
   */
  async lockAndLoadScheduleStep(
    query: ScheduleStepQuery,
  ): Promise<{ locked: boolean; snapshot: ScheduleStepSnapshot }> {
    if (!this.batching) {
      const locked = await this.acquireScheduleLock(query.scheduleId);
      return { locked, snapshot: await this.loadScheduleStep(query) };
    }
    const read = this.reader.scheduleStepStatement(this.dataSource.manager, query);
    const [taken, rows] = await sendTogether(this.dataSource, [this.scheduleLock(query.scheduleId), read]);
    return { locked: matchedRows(taken) === 1, snapshot: read.snapshotOf(selectedRows(rows)) };
  }

  /**
   * `scheduling: false → true`, or the take-over of a lock leaked longer than the TTL: one UPDATE
   * whose every branch names the row by its key, so that it locks that row alone (a branch on the
   * lock columns only could scan their index and deadlock with the commits that release locks).
   */
  private scheduleLock(scheduleId: string): Statement {
    const schedules = RawTable.of(this.dataSource.manager, ScheduleEntity);
    const id = rowId(scheduleId);
    const now = this.clock.now();
    const expired = new Date(now.getTime() - (this.options.scheduleLockTtlSeconds ?? 600) * 1000);
    return schedules.updateStatement(
      [
        { id, scheduling: false },
        { id, scheduling: true, lockAcquiredAt: new Below(expired) },
      ],
      { scheduling: true, lockAcquiredAt: now },
    );
  }

  loadCallbackTarget(nodeId: string, version: string): Promise<CallbackSnapshot> {
    return this.read((m) => this.reader.callbackTarget(m, nodeId, version));
  }

  loadCallbackTargets(queries: readonly CallbackTargetQuery[]): Promise<CallbackSnapshot[]> {
    return this.read((m) => readCallbackTargets(m, queries));
  }

  loadOperatorTarget(nodeId: string): Promise<OperatorSnapshot> {
    return this.read((m) => this.reader.operatorTarget(m, nodeId));
  }

  loadRollbackState(rootPipelineId: string): Promise<RollbackState> {
    return this.read((m) => readRollbackState(m, rootPipelineId));
  }

  /**
   * Embedded restart: dispatches again the work whose in-process messages died with the previous
   * process (see EmbeddedRecovery). Never call it while other workers share the database.
   */
  recoverLostWork(): Promise<RecoveryReport> {
    return new EmbeddedRecovery(this.dataSource, this.dispatcher, this.logger).run();
  }

  /** Runs `work` in one transaction; a deadlock victim (MySQL) is rolled back and run again. */
  private transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.retryLockConflicts(() => this.dataSource.transaction(work));
  }

  /** Runs `transaction` through the gate; a deadlock victim (MySQL) is run again. */
  private async retryLockConflicts<T>(transaction: () => Promise<T>): Promise<T> {
    const retries = this.options.lockConflictRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.gate.run(transaction);
      } catch (error) {
        if (!isLockConflict(error)) throw error;
        if (attempt >= retries) throw new LockContentionError(attempt + 1, error);
        this.logger.warn('commit lost a lock conflict; retrying', { attempt: attempt + 1 });
      }
    }
  }

  private async reserveIdBlock(): Promise<number> {
    return this.gate.run(async () => {
      const result = await this.dataSource.createQueryBuilder().insert().into(IdBlockEntity).values({}).execute();
      const raw =
        (result.identifiers[0] as { id?: unknown } | undefined)?.id ?? (result.raw as { insertId?: unknown }).insertId;
      const id = Number(raw);
      if (!Number.isSafeInteger(id) || id < 1)
        throw new Error(`the database returned no id block number (${String(raw)})`);
      return id;
    });
  }
}
