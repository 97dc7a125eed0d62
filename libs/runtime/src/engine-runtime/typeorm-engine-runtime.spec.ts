import { StateVersionNotMatchError, type NodeStateRecord, type ProcessRecord, type StepCommit } from '@bamboo/engine';
import { FakeClock } from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import type { AddJobOptions, JobData } from '../queue/task-queue';
import { executeTask, processRecord, stateRecord } from './conformance/records.conformance';
import { TypeormEngineRuntime } from './typeorm-engine-runtime';

const directory = mkdtempSync(join(tmpdir(), 'bamboo-runtime-'));
let dataSource: BambooDataSource;
let added: Array<{ queueName: string; data: JobData; options: AddJobOptions }>;
let runtime: TypeormEngineRuntime;
const clock = new FakeClock();

beforeAll(async () => {
  dataSource = await createBambooDataSource({
    database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
  }).initialize();
});

beforeEach(async () => {
  added = [];
  const queue = new InProcessTaskQueue();
  queue.add = (queueName, data, options = {}) => {
    added.push({ queueName, data, options });
    return Promise.resolve('job');
  };
  runtime = new TypeormEngineRuntime({ dataSource, queue, clock });
  await runtime.start();
});

afterAll(async () => {
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

const state = (nodeId: string, name: NodeStateRecord['name'], version: string) =>
  stateRecord(nodeId, name, version, clock.now());

const process = (overrides: Partial<ProcessRecord> = {}) => processRecord(runtime.ids.id(), overrides);

const execute = (processId: string, token: string) => ({ task: executeTask(processId, token), delaySeconds: 0 });

describe('TypeormEngineRuntime on SQLite', () => {
  it('mints distinct decimal ids from reserved blocks, across runtimes', async () => {
    const other = new TypeormEngineRuntime({ dataSource, queue: new InProcessTaskQueue(), clock });
    await other.start();
    const ids = new Set([runtime.ids.id(), runtime.ids.id(), other.ids.id(), other.ids.id()]);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^\d+$/);
    expect(runtime.ids.version()).toMatch(/^v[0-9a-f]{32}$/);
  });

  it('applies nothing and dispatches nothing when one state write loses its compare-and-set', async () => {
    const p = process();
    await runtime.commit({ newProcesses: [p], states: [{ record: state('cas-a', 'READY', 'v1'), expect: null }] });
    const losing: StepCommit = {
      states: [
        { record: state('cas-b', 'RUNNING', 'v1'), expect: null },
        { record: state('cas-a', 'RUNNING', 'v2'), expect: { version: 'stale', name: 'READY' } },
      ],
      processes: [{ id: p.id, patch: { currentNodeId: 'moved' } }],
      dispatch: [execute(p.id, 't')],
    };
    await expect(runtime.commit(losing)).rejects.toBeInstanceOf(StateVersionNotMatchError);
    expect(await runtime.getState('cas-b')).toBeUndefined();
    expect((await runtime.getState('cas-a'))?.name).toBe('READY');
    expect((await runtime.getProcesses('root')).find((r) => r.id === p.id)?.currentNodeId).toBe('n');
    expect(added).toEqual([]);
  });

  it('refuses a process write whose task token changed, and records the node of a new token', async () => {
    const p = process({ taskToken: 'first' });
    await runtime.commit({ newProcesses: [p], dispatch: [execute(p.id, 'first')] });
    await expect(
      runtime.commit({ processes: [{ id: p.id, patch: { asleep: false }, expectToken: 'other' }] }),
    ).rejects.toBeInstanceOf(StateVersionNotMatchError);
    await runtime.commit({
      processes: [{ id: p.id, patch: { asleep: false, taskToken: null }, expectToken: 'first' }],
    });
    const [row] = await dataSource.query('SELECT task_token, task_node_id FROM eri_process WHERE id = ?', [
      Number(p.id),
    ]);
    expect(row).toEqual({ task_token: null, task_node_id: null });
    expect(added.map((job) => job.queueName)).toEqual(['er_execute']);
    expect(added[0]!.data).toMatchObject({ process_id: p.id, node_id: 'next', token: 'first' });
  });

  it('wakes a joined parent exactly once, however the acknowledgements interleave', async () => {
    const parent = process({ needAck: 3 });
    const children = [0, 1, 2].map(() => process({ parentId: parent.id }));
    await runtime.commit({ newProcesses: [parent, ...children] });
    const outcomes = await Promise.all(
      children.map((child, i) =>
        runtime.commit({
          processes: [{ id: child.id, patch: { dead: true } }],
          join: { childProcessId: child.id, parentProcessId: parent.id, wakeParent: execute(parent.id, `w${i}`).task },
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.parentWoken)).toHaveLength(1);
    const woken = (await runtime.getProcesses('root')).find((r) => r.id === parent.id)!;
    expect(woken).toMatchObject({ ackNum: 0, needAck: -1 });
    expect(added).toHaveLength(1);
    expect(added[0]!.data.token).toBe(woken.taskToken);
  });

  it('reads an execute step with the states of the whole pipeline stack, however deep', async () => {
    const flat = process({ rootPipelineId: 'deep-root', pipelineStack: ['deep-root'], currentNodeId: 'deep-n' });
    const subs = ['sub-1', 'sub-2', 'sub-3', 'sub-4', 'sub-5'];
    const nested = process({ rootPipelineId: 'deep-root', pipelineStack: ['deep-root', 'sub-1', 'sub-2'] });
    // Deeper than the stack executeStep reads with the process: the rest comes with a second SELECT.
    const deeper = process({ rootPipelineId: 'deep-root', pipelineStack: ['deep-root', ...subs] });
    const states = ['deep-root', ...subs, 'deep-n'].map((id) => ({ record: state(id, 'RUNNING', id), expect: null }));
    await runtime.commit({ newProcesses: [flat, nested, deeper], states });
    const flatStep = await runtime.loadExecuteStep(flat.id, 'deep-n');
    expect(Object.keys(flatStep.pipelineStates)).toEqual(['deep-root']);
    expect(flatStep.state?.version).toBe('deep-n');
    const nestedStep = await runtime.loadExecuteStep(nested.id, 'deep-n');
    expect(Object.keys(nestedStep.pipelineStates)).toEqual(['deep-root', 'sub-1', 'sub-2']);
    expect(nestedStep.pipelineStates['sub-2']?.version).toBe('sub-2');
    expect(nestedStep.state?.version).toBe('deep-n');
    const deeperStep = await runtime.loadExecuteStep(deeper.id, 'deep-n');
    expect(Object.keys(deeperStep.pipelineStates)).toEqual(['deep-root', ...subs]);
    expect(deeperStep.pipelineStates['sub-5']?.version).toBe('sub-5');
    await expect(runtime.loadExecuteStep(runtime.ids.id(), 'deep-n')).rejects.toThrow(/does not exist/);
  });

  it('takes a schedule lock once, and takes over a lock older than the TTL', async () => {
    const p = process();
    const id = runtime.ids.id();
    const schedule = { id, type: 3 as const, processId: p.id, nodeId: 'lock', version: 'v1' };
    await runtime.commit({
      newSchedules: [{ ...schedule, finished: false, expired: false, scheduling: false, times: 0 }],
    });
    expect(await runtime.acquireScheduleLock(id)).toBe(true);
    expect(await runtime.acquireScheduleLock(id)).toBe(false);
    clock.advance(601);
    expect(await runtime.acquireScheduleLock(id)).toBe(true);
  });

  it('hides consumed callback data from schedule steps', async () => {
    const id = runtime.ids.id();
    await runtime.commit({ callbackData: [{ id, nodeId: 'cb', version: 'v1', data: { ok: 1 } }] });
    const query = { processId: '1', nodeId: 'cb', scheduleId: '1', callbackDataId: id };
    expect((await runtime.loadScheduleStep(query)).callbackData?.data).toEqual({ ok: 1 });
    await runtime.commit({ consumeCallbackData: [id] });
    expect((await runtime.loadScheduleStep(query)).callbackData).toBeUndefined();
  });

  it('enqueues delayed dispatches with their delay and the route priority', async () => {
    await runtime.commit({ dispatch: [{ ...execute('1', 't'), delaySeconds: 2.5 }] });
    expect(added[0]!.options).toEqual({ delayMs: 2500, priority: 100 });
  });
});
