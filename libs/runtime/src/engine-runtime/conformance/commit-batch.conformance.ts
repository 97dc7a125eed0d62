import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  LockContentionError,
  StateVersionNotMatchError,
  type NodeStateRecord,
  type ProcessRecord,
  type StepCommit,
} from '@bamboo/engine';
import { FakeClock } from '@bamboo/testing';
import { QueryFailedError, type DataSource } from 'typeorm';
import { countingQueue, executeTask, processRecord, stateRecord } from './records.conformance';
import { TypeormEngineRuntime } from '../typeorm-engine-runtime';
import type { StatementCounter } from './statement-counter.conformance';

const clock = new FakeClock();
let nextId = 5000;

const process = (overrides: Partial<ProcessRecord> = {}) => processRecord(String(nextId++), overrides);
const state = (nodeId: string, name: NodeStateRecord['name'], version: string) =>
  stateRecord(nodeId, name, version, clock.now());

const wake = executeTask;

/** Waits until a connection to this database runs a statement that names `row` (as it waits for its lock). */
async function statementOn(ds: DataSource, row: string): Promise<void> {
  const sql = 'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE ?';
  for (let attempt = 0; attempt < 200; attempt++) {
    const [found] = await ds.query<Array<{ n: number | string }>>(sql, [`UPDATE %WHERE \`id\` = ${row} %`]);
    if (Number(found?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no statement on row ${row}`);
}

/**
 * The commit's all-or-nothing semantics, whichever way its statements travel (one by one on
 * SQLite, one multi-statement round trip on MySQL): a failed check or statement anywhere rolls
 * back the statements before it, and maps to the same error.
 */
export function describeCommitConformance(
  name: string,
  open: () => Promise<DataSource>,
  options: {
    deadlocks: boolean;
    /** The data source's logger: the round trips of a split batch are checked. */
    counter?: StatementCounter;
  },
): void {
  describe(`TypeormEngineRuntime.commit, all or nothing: ${name}`, () => {
    let ds: DataSource;
    let runtime: TypeormEngineRuntime;
    let dispatched: number;
    const warnings: string[] = [];
    const debugs: string[] = [];
    const currentNode = async (id: string) =>
      (await runtime.getProcesses('root')).find((row) => row.id === id)?.currentNodeId;

    beforeAll(async () => {
      ds = await open();
      const queue = countingQueue(() => (dispatched += 1));
      const logger = {
        debug: (message: string) => debugs.push(message),
        info() {},
        warn: (message: string) => warnings.push(message),
        error() {},
      };
      runtime = new TypeormEngineRuntime({ dataSource: ds, queue, clock, logger });
      await runtime.start();
    });

    afterAll(async () => {
      await ds?.destroy();
    });

    it('rolls back the writes before a lost compare-and-set and throws its error', async () => {
      dispatched = 0;
      const p = process();
      await runtime.commit({
        newProcesses: [p],
        states: [{ record: state('b-a', 'READY', 'v1'), expect: null }],
      });
      const losing: StepCommit = {
        states: [
          { record: state('b-b', 'RUNNING', 'v1'), expect: null },
          { record: state('b-a', 'RUNNING', 'v2'), expect: { version: 'stale', name: 'READY' } },
        ],
        processes: [{ id: p.id, patch: { currentNodeId: 'moved' } }],
        dispatch: [{ task: wake(p.id, 't'), delaySeconds: 0 }],
      };
      await expect(runtime.commit(losing)).rejects.toMatchObject({ details: { nodeId: 'b-a', expected: 'stale' } });
      expect(await runtime.getState('b-b')).toBeUndefined();
      expect((await runtime.getState('b-a'))?.name).toBe('READY');
      expect(await currentNode(p.id)).toBe('n');
      expect(dispatched).toBe(0);
    });

    it('maps a duplicate key of a new state to a lost race, after rolling back what came first', async () => {
      const p = process();
      await runtime.commit({
        newProcesses: [p],
        states: [{ record: state('b-dup', 'READY', 'v1'), expect: null }],
      });
      const racing: StepCommit = {
        processes: [{ id: p.id, patch: { currentNodeId: 'moved' } }],
        states: [
          { record: state('b-dup-2', 'READY', 'v1'), expect: null },
          { record: state('b-dup', 'RUNNING', 'v2'), expect: null },
        ],
      };
      const error = await runtime.commit(racing).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StateVersionNotMatchError);
      expect(error).toMatchObject({ details: { nodeId: 'b-dup', expected: null, actual: 'existing' } });
      expect(await runtime.getState('b-dup-2')).toBeUndefined();
      expect(await currentNode(p.id)).toBe('n');
    });

    it('rolls back on any other failing statement and throws the driver error', async () => {
      const p = process();
      await runtime.commit({ newProcesses: [p] });
      const clash: StepCommit = {
        states: [{ record: state('b-clash', 'READY', 'v1'), expect: null }],
        newProcesses: [process({ id: p.id })],
      };
      await expect(runtime.commit(clash)).rejects.toBeInstanceOf(QueryFailedError);
      expect(await runtime.getState('b-clash')).toBeUndefined();
    });

    it('checks every conditional statement and reports whether the join woke the parent', async () => {
      dispatched = 0;
      const parent = process({ needAck: 2 });
      const children = [process({ parentId: parent.id }), process({ parentId: parent.id })];
      await runtime.commit({ newProcesses: [parent, ...children] });
      const finish = (child: ProcessRecord, token: string): StepCommit => ({
        processes: [{ id: child.id, patch: { dead: true }, expectToken: null }],
        join: { childProcessId: child.id, parentProcessId: parent.id, wakeParent: wake(parent.id, token) },
      });
      expect(await runtime.commit(finish(children[0]!, 'w0'))).toEqual({ parentWoken: false });
      await expect(
        runtime.commit({ processes: [{ id: children[1]!.id, patch: {}, expectToken: 'other' }] }),
      ).rejects.toBeInstanceOf(StateVersionNotMatchError);
      await expect(
        runtime.commit({
          join: { childProcessId: children[1]!.id, parentProcessId: '999999', wakeParent: wake('999999', 'x') },
        }),
      ).rejects.toBeInstanceOf(StateVersionNotMatchError);
      expect(await runtime.commit(finish(children[1]!, 'w1'))).toEqual({ parentWoken: true });
      const woken = (await runtime.getProcesses('root')).find((row) => row.id === parent.id);
      expect(woken).toMatchObject({ ackNum: 0, needAck: -1, taskToken: 'w1' });
      expect(dispatched).toBe(1);
    });

    it('keeps a commit too big for one packet all or nothing', async () => {
      // 6 MB of execution data, more than a batch takes: on MySQL the new state goes in a first
      // round trip, the data alone in a second, the process write (failing in the first commit),
      // its guard and COMMIT in a third.
      const big = (nodeId: string) => ({ nodeId, data: { inputs: { blob: 'x'.repeat(3_000_000) }, outputs: {} } });
      const p = process();
      await runtime.commit({ newProcesses: [p] });
      const commit = (expectToken: string | null): StepCommit => ({
        states: [{ record: state('b-big', 'READY', 'v1'), expect: null }],
        executionData: [big('b-big-1'), big('b-big-2')],
        processes: [{ id: p.id, patch: { currentNodeId: 'big' }, expectToken }],
      });
      await expect(runtime.commit(commit('other'))).rejects.toBeInstanceOf(StateVersionNotMatchError);
      expect(await runtime.getState('b-big')).toBeUndefined();
      expect(await runtime.getExecutionData('b-big-1')).toBeUndefined();
      const counter = options.counter;
      if (counter) {
        counter.statements.length = 0;
        counter.counting = true;
      }
      await runtime.commit(commit(null));
      if (counter) {
        counter.counting = false;
        const trips = [
          'BEGIN',
          '+INSERT eri_state',
          'INSERT eri_execution_data',
          'UPDATE eri_process',
          '+SET',
          '+COMMIT',
        ];
        expect(counter.statements).toEqual(trips);
      }
      expect((await runtime.getExecutionData('b-big-2'))?.inputs['blob']).toHaveLength(3_000_000);
      expect(await runtime.getState('b-big')).toMatchObject({ version: 'v1' });
      expect(await currentNode(p.id)).toBe('big');
    });

    it('commits asked for together share a transaction, and all of them are stored', async () => {
      dispatched = 0;
      const processes = Array.from({ length: 10 }, () => process());
      await runtime.commit({ newProcesses: processes });
      const counter = options.counter;
      if (counter) {
        counter.statements.length = 0;
        counter.counting = true;
      }
      const outcomes = await Promise.all(
        processes.map((p, i) =>
          runtime.commit({
            states: [{ record: state(`g-ok-${i}`, 'RUNNING', 'v1'), expect: null }],
            processes: [{ id: p.id, patch: { currentNodeId: `g-ok-${i}` }, expectToken: null }],
            dispatch: [{ task: wake(p.id, `g${i}`), delaySeconds: 0 }],
          }),
        ),
      );
      if (counter) counter.counting = false;
      expect(outcomes).toEqual(processes.map(() => ({ parentWoken: false })));
      for (const [i, p] of processes.entries()) {
        expect(await runtime.getState(`g-ok-${i}`)).toMatchObject({ name: 'RUNNING', version: 'v1' });
        expect(await currentNode(p.id)).toBe(`g-ok-${i}`);
      }
      expect(dispatched).toBe(10);
      if (counter) {
        // The first leaves alone at once; the nine asked for meanwhile wait and leave together.
        expect(counter.statements.filter((kind) => kind === 'BEGIN')).toHaveLength(2);
        expect(counter.statements.filter((kind) => kind === '+INSERT eri_state')).toHaveLength(10);
        // The lone one has a guard after its token check; the group counts its nine checks and
        // guards once: a counter reset and one guard (MysqlBatch countedChecks).
        expect(counter.statements.filter((kind) => kind === '+SET')).toHaveLength(3);
      }
    });

    it('a group with a losing member commits the others and gives the loser its own error', async () => {
      dispatched = 0;
      const processes = Array.from({ length: 8 }, () => process());
      await runtime.commit({
        newProcesses: processes,
        states: processes.map((_, i) => ({ record: state(`g-race-${i}`, 'READY', 'v1'), expect: null })),
      });
      const loser = 5;
      const results = await Promise.allSettled(
        processes.map((p, i) =>
          runtime.commit({
            states: [
              {
                record: state(`g-race-${i}`, 'RUNNING', 'v2'),
                expect: { version: i === loser ? 'stale' : 'v1', name: 'READY' },
              },
            ],
            processes: [{ id: p.id, patch: { currentNodeId: `g-race-${i}` } }],
            dispatch: [{ task: wake(p.id, `r${i}`), delaySeconds: 0 }],
          }),
        ),
      );
      results.forEach((result, i) => {
        if (i === loser) {
          expect(result.status).toBe('rejected');
          expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StateVersionNotMatchError);
        } else {
          expect(result).toEqual({ status: 'fulfilled', value: { parentWoken: false } });
        }
      });
      for (const [i, p] of processes.entries()) {
        expect((await runtime.getState(`g-race-${i}`))?.name).toBe(i === loser ? 'READY' : 'RUNNING');
        expect(await currentNode(p.id)).toBe(i === loser ? 'n' : `g-race-${i}`);
      }
      expect(dispatched).toBe(7);
    });

    it('joins of one parent in one group wake it exactly once', async () => {
      dispatched = 0;
      const parent = process({ needAck: 6 });
      const children = Array.from({ length: 6 }, () => process({ parentId: parent.id }));
      await runtime.commit({ newProcesses: [parent, ...children] });
      const outcomes = await Promise.all(
        children.map((child, i) =>
          runtime.commit({
            processes: [{ id: child.id, patch: { dead: true }, expectToken: null }],
            join: { childProcessId: child.id, parentProcessId: parent.id, wakeParent: wake(parent.id, `j${i}`) },
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.parentWoken)).toHaveLength(1);
      expect(dispatched).toBe(1);
      const woken = (await runtime.getProcesses('root')).find((row) => row.id === parent.id);
      expect(woken).toMatchObject({ ackNum: 0, needAck: -1 });
    });

    it('takes the schedule lock and reads the step after it (one round trip on MySQL)', async () => {
      const p = process({ currentNodeId: 'lock-read' });
      const scheduleId = String(nextId++);
      const callbackDataId = String(nextId++);
      await runtime.commit({
        newProcesses: [p],
        states: [{ record: state('lock-read', 'RUNNING', 'v1'), expect: null }],
        newSchedules: [
          {
            id: scheduleId,
            type: 3,
            processId: p.id,
            nodeId: 'lock-read',
            version: 'v1',
            finished: false,
            expired: false,
            scheduling: false,
            times: 0,
          },
        ],
        callbackData: [{ id: callbackDataId, nodeId: 'lock-read', version: 'v1', data: { ok: 1 } }],
      });
      const query = { processId: p.id, nodeId: 'lock-read', scheduleId, callbackDataId };
      const counter = options.counter;
      if (counter) {
        counter.statements.length = 0;
        counter.counting = true;
      }
      const first = await runtime.lockAndLoadScheduleStep(query);
      if (counter) {
        counter.counting = false;
        expect(counter.statements).toEqual(['UPDATE eri_schedule', '+SELECT']);
      }
      expect(first.locked).toBe(true);
      // Read after the lock: the snapshot shows it taken.
      expect(first.snapshot.schedule).toMatchObject({ id: scheduleId, scheduling: true, finished: false });
      expect(first.snapshot.process?.id).toBe(p.id);
      expect(first.snapshot.state).toMatchObject({ nodeId: 'lock-read', version: 'v1' });
      expect(first.snapshot.callbackData?.data).toEqual({ ok: 1 });
      const busy = await runtime.lockAndLoadScheduleStep(query);
      expect(busy.locked).toBe(false);
      expect(busy.snapshot.schedule).toMatchObject({ id: scheduleId, scheduling: true });
      clock.advance(601);
      expect((await runtime.lockAndLoadScheduleStep(query)).locked).toBe(true);
      const unknown = await runtime.lockAndLoadScheduleStep({ ...query, scheduleId: '987654' });
      expect(unknown).toMatchObject({ locked: false, snapshot: { schedule: undefined } });
    });

    it('step reads waiting at the same time each get their own rows', async () => {
      const processes = Array.from({ length: 8 }, (_, i) => process({ currentNodeId: `g-read-${i}` }));
      await runtime.commit({
        newProcesses: processes,
        states: processes.map((_, i) => ({ record: state(`g-read-${i}`, 'RUNNING', `v${i}`), expect: null })),
      });
      const counter = options.counter;
      if (counter) {
        counter.statements.length = 0;
        counter.counting = true;
      }
      const snapshots = await Promise.all(processes.map((p, i) => runtime.loadExecuteStep(p.id, `g-read-${i}`)));
      if (counter) counter.counting = false;
      snapshots.forEach((snapshot, i) => {
        expect(snapshot.process.id).toBe(processes[i]!.id);
        expect(snapshot.state).toMatchObject({ nodeId: `g-read-${i}`, version: `v${i}` });
      });
      await expect(runtime.loadExecuteStep('987654', 'g-read-0')).rejects.toThrow('process 987654 does not exist');
      if (counter) {
        expect(counter.statements.filter((kind) => kind.endsWith('SELECT'))).toHaveLength(8);
        // Several travelled with another one (MySQL groups reads that wait at the same time).
        expect(counter.statements.filter((kind) => kind === '+SELECT').length).toBeGreaterThan(0);
      }
    });

    if (options.deadlocks) {
      /**
       * Another transaction holds `held` (more rows than the commits under test, so that InnoDB
       * picks those as the victim); once `start`'s work waits for `waitedFor`, the other
       * transaction takes `closing`, which closes the cycle, and commits.
       */
      const deadlock = async (
        held: ProcessRecord[],
        waitedFor: ProcessRecord,
        closing: ProcessRecord,
        start: () => Promise<unknown>,
      ) => {
        const other = ds.createQueryRunner();
        const take = (row: ProcessRecord) =>
          other.query('UPDATE eri_process SET current_node_id = ? WHERE id = ?', ['other', Number(row.id)]);
        await other.startTransaction();
        try {
          for (const row of held) await take(row);
          const work = start();
          await statementOn(ds, waitedFor.id);
          await take(closing);
          await other.commitTransaction();
          await work;
        } finally {
          await other.release();
        }
      };

      it('runs a commit again when it is chosen as a deadlock victim', async () => {
        const [x, y, ...ballast] = [process(), process(), process(), process()];
        await runtime.commit({ newProcesses: [x, y, ...ballast] });
        warnings.length = 0;
        // The commit takes y, then waits for x.
        await deadlock([x, ...ballast], x, y, () =>
          runtime.commit({
            processes: [
              { id: y.id, patch: { currentNodeId: 'commit' } },
              { id: x.id, patch: { currentNodeId: 'commit' } },
            ],
          }),
        );
        expect(warnings).toEqual(['commit lost a lock conflict; retrying']);
        expect([await currentNode(x.id), await currentNode(y.id)]).toEqual(['commit', 'commit']);
      });

      it('throws LockContentionError, with nothing applied, once its retries are spent', async () => {
        const queue = countingQueue(() => (dispatched += 1));
        const impatient = new TypeormEngineRuntime({ dataSource: ds, queue, clock, lockConflictRetries: 0 });
        const [x, y, ...ballast] = [process(), process(), process(), process()];
        await runtime.commit({ newProcesses: [x, y, ...ballast] });
        const refused = deadlock([x, ...ballast], x, y, () => {
          const commit = impatient.commit({
            processes: [
              { id: y.id, patch: { currentNodeId: 'commit' } },
              { id: x.id, patch: { currentNodeId: 'commit' } },
            ],
          });
          // It is refused while the other transaction is still closing the cycle; awaited below.
          commit.catch(() => undefined);
          return commit;
        });
        await expect(refused).rejects.toBeInstanceOf(LockContentionError);
        await expect(refused).rejects.toMatchObject({ code: 'LOCK_CONTENTION', attempts: 1 });
        // The other transaction's writes stand; the refused commit left nothing.
        expect([await currentNode(x.id), await currentNode(y.id)]).toEqual(['other', 'other']);
      });

      it('a commit group chosen as a deadlock victim commits each of its members alone', async () => {
        const [x, y, z, ...ballast] = [process(), process(), process(), process(), process()];
        await runtime.commit({ newProcesses: [x, y, z, ...ballast] });
        debugs.length = 0;
        const move = (row: ProcessRecord) =>
          runtime.commit({ processes: [{ id: row.id, patch: { currentNodeId: 'group' } }] });
        // z leaves alone at once; y and x, asked for meanwhile, leave together after it: the group
        // takes y, then waits for x.
        await deadlock([x, ...ballast], x, y, () => Promise.all([z, y, x].map(move)));
        expect(debugs).toEqual(['a commit group failed; its commits go alone']);
        expect([await currentNode(x.id), await currentNode(y.id), await currentNode(z.id)]).toEqual([
          'group',
          'group',
          'group',
        ]);
      });
    }
  });
}
