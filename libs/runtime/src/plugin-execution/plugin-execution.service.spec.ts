import { Component, ComponentRegistry, IntervalGenerator, Service } from '@bamboo/component-framework';
import type { DataObject, DataRecord, ServiceResult } from '@bamboo/engine';
import { createBambooDataSource, type BambooDataSource, PluginExecuteTaskEntity } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import { PluginExecutionService, type PluginTaskState } from './plugin-execution.service';
import { PluginExecutionWorker } from './plugin-execution.worker';

@Component({ code: 'pe_echo', name: 'Echo', registerIgnore: true })
class EchoPlugin extends Service {
  execute(data: DataObject, parentData: DataObject): ServiceResult {
    data.outputs.inputs = data.inputs;
    data.outputs.contexts = parentData.inputs;
    data.outputs.name = this.name;
    data.outputs.runtime_id = this.runtime.id;
    data.outputs.root_pipeline_id = this.runtime.rootPipelineId;
    this.logger.info('echoed');
  }
}

@Component({ code: 'pe_fail', name: 'Fail', registerIgnore: true })
class FailPlugin extends Service {
  execute(data: DataObject): ServiceResult {
    if (data.inputs.throw === true) throw new Error('boom from execute');
    data.outputs.ex_data = 'refused';
    return data.inputs.ok === true;
  }
}

/** 0 s on the first call, a minute afterwards: only a fresh generator per schedule keeps polls fast. */
class FirstIsZero extends IntervalGenerator {
  override next(): number {
    super.next();
    return this.count === 1 ? 0 : 60;
  }
}

@Component({ code: 'pe_poll', name: 'Poll', registerIgnore: true })
class PollPlugin extends Service {
  static override needSchedule = true;
  static override interval = (): IntervalGenerator => new FirstIsZero();

  execute(data: DataObject): ServiceResult {
    data.outputs.polls = 0;
  }

  override schedule(data: DataObject, _parent: DataObject, callbackData: DataRecord | null): ServiceResult {
    const polls = Number(data.outputs.polls) + 1;
    data.outputs.polls = polls;
    data.outputs.saw_callback_data = callbackData;
    if (polls >= Number(data.inputs.polls)) this.finishSchedule();
  }
}

/** Polls every 0.2 s and never finishes: the target of forced_fail. */
@Component({ code: 'pe_slow_poll', name: 'Slow poll', registerIgnore: true })
class SlowPollPlugin extends Service {
  static override needSchedule = true;
  static override interval = (): IntervalGenerator =>
    new (class extends IntervalGenerator {
      override next(): number {
        super.next();
        return 0.2;
      }
    })();

  execute(data: DataObject): ServiceResult {
    data.outputs.polls = 0;
  }

  override schedule(data: DataObject): ServiceResult {
    data.outputs.polls = Number(data.outputs.polls) + 1;
  }
}

@Component({ code: 'pe_callback', name: 'Callback', registerIgnore: true })
class CallbackPlugin extends Service {
  static override needSchedule = true;

  execute(data: DataObject): ServiceResult {
    data.outputs.waiting = true;
  }

  override schedule(data: DataObject, _parent: DataObject, callbackData: DataRecord | null): ServiceResult {
    data.outputs.received = [...((data.outputs.received as unknown[]) ?? []), callbackData];
    if (callbackData?.ok === false) return false;
    if (callbackData?.done === true) this.finishSchedule();
  }
}

function registry(): ComponentRegistry {
  const components = new ComponentRegistry();
  for (const cls of [EchoPlugin, FailPlugin, PollPlugin, SlowPollPlugin, CallbackPlugin]) components.register(cls);
  return components;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PluginExecutionService (SQLite + in-process queue)', () => {
  let dataSource: BambooDataSource;
  let queue: InProcessTaskQueue;
  let service: PluginExecutionService;
  const lines: string[] = [];

  beforeAll(async () => {
    dataSource = await createBambooDataSource({ database: { kind: 'sqlite', path: ':memory:' } }).initialize();
    queue = new InProcessTaskQueue();
    const logger = {
      debug: () => undefined,
      info: (message: string, meta?: Record<string, unknown>) =>
        lines.push(`${String(meta?.plugin_task_id)} ${message}`),
      warn: () => undefined,
      error: () => undefined,
    };
    service = new PluginExecutionService({ dataSource, queue, catalog: registry(), logger });
    await new PluginExecutionWorker(service, queue).start();
  });

  afterAll(async () => {
    await queue.close();
    await dataSource.destroy();
  });

  async function waitFor(taskId: number, predicate: (state: PluginTaskState) => boolean): Promise<PluginTaskState> {
    let last: PluginTaskState | undefined;
    for (let i = 0; i < 200; i++) {
      last = await service.getState(taskId);
      if (predicate(last)) return last;
      await sleep(10);
    }
    throw new Error(`timed out; last state ${JSON.stringify(last)}`);
  }

  const inState = (taskId: number, state: string) => waitFor(taskId, (task) => task.state === state);

  it('runs a component without schedule to FINISHED with data, parent data, name and runtime attrs', async () => {
    const taskId = await service.run({
      componentCode: 'pe_echo',
      version: 'legacy',
      inputs: { a: 1 },
      contexts: { executor: 'alice' },
      runtimeAttrs: { name: 'my echo', root_pipeline_id: 'p1' },
    });
    const task = await inState(taskId, 'FINISHED');
    expect(task).toMatchObject({
      task_id: taskId,
      component_code: 'pe_echo',
      version: 'legacy',
      invoke_count: 1,
      inputs: { a: 1 },
      contexts: { executor: 'alice' },
      runtime_attrs: { name: 'my echo', root_pipeline_id: 'p1' },
      callback_data: {},
      outputs: {
        inputs: { a: 1 },
        contexts: { executor: 'alice' },
        name: 'my echo',
        runtime_id: String(taskId),
        root_pipeline_id: 'p1',
      },
    });
    expect(task.create_at).toBeInstanceOf(Date);
    expect(task.finish_at).toBeInstanceOf(Date);
    expect(lines).toContain(`${taskId} echoed`);
  });

  it('stores an empty version as legacy', async () => {
    const taskId = await service.run({ componentCode: 'pe_echo', version: '', inputs: {}, contexts: {} });
    expect((await inState(taskId, 'FINISHED')).version).toBe('legacy');
  });

  it('fails the task when execute returns false or throws (the trace goes to ex_data)', async () => {
    const refused = await service.run({ componentCode: 'pe_fail', version: 'legacy', inputs: {}, contexts: {} });
    const thrown = await service.run({
      componentCode: 'pe_fail',
      version: 'legacy',
      inputs: { throw: true },
      contexts: {},
    });
    expect((await inState(refused, 'FAILED')).outputs).toEqual({ ex_data: 'refused' });
    const failed = await inState(thrown, 'FAILED');
    expect(failed.outputs.ex_data).toContain('boom from execute');
    expect(failed.outputs.ex_data).toContain('plugin-execution.service.spec.ts');
    expect(failed.finish_at).toBeNull();
  });

  it('polls with the first value of a fresh interval generator until the schedule finishes', async () => {
    const taskId = await service.run({
      componentCode: 'pe_poll',
      version: 'legacy',
      inputs: { polls: 3 },
      contexts: {},
    });
    const task = await inState(taskId, 'FINISHED');
    // Three polls within the wait: a reused generator would have delayed the second by a minute.
    expect(task.outputs).toEqual({ polls: 3, saw_callback_data: null });
    expect(task.finish_at).toBeInstanceOf(Date);
  });

  it('keeps a callback component RUNNING until schedule calls finishSchedule', async () => {
    const taskId = await service.run({ componentCode: 'pe_callback', version: 'legacy', inputs: {}, contexts: {} });
    expect((await inState(taskId, 'RUNNING')).outputs).toEqual({ waiting: true });

    await service.callback(taskId, { step: 1 });
    let task = await waitFor(taskId, (t) => Array.isArray(t.outputs.received));
    expect(task).toMatchObject({ state: 'RUNNING', callback_data: { step: 1 } });

    await service.callback(taskId, { done: true });
    task = await inState(taskId, 'FINISHED');
    expect(task.outputs.received).toEqual([{ step: 1 }, { done: true }]);
    expect(task.callback_data).toEqual({ done: true });

    await expect(service.callback(taskId, {})).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
  });

  it('fails a callback component whose schedule returns false', async () => {
    const taskId = await service.run({ componentCode: 'pe_callback', version: 'legacy', inputs: {}, contexts: {} });
    await inState(taskId, 'RUNNING');
    await service.callback(taskId, { ok: false });
    expect((await inState(taskId, 'FAILED')).outputs.received).toEqual([{ ok: false }]);
  });

  it('refuses a callback while another one holds the scheduling flag, and accepts it once released', async () => {
    const taskId = await service.run({ componentCode: 'pe_callback', version: 'legacy', inputs: {}, contexts: {} });
    await inState(taskId, 'RUNNING');
    const repository = dataSource.getRepository(PluginExecuteTaskEntity);
    // A callback in flight (between taking and releasing the flag).
    await repository.update({ id: taskId }, { scheduling: true });
    await expect(service.callback(taskId, { done: true })).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
      message: 'callback in progress, try again',
    });
    await repository.update({ id: taskId }, { scheduling: false });
    await service.callback(taskId, { done: true });
    await inState(taskId, 'FINISHED');
    expect((await repository.findOneByOrFail({ id: taskId })).scheduling).toBe(false);
  });

  it('forced_fail fails a RUNNING task only, and its pending polls are ignored', async () => {
    const taskId = await service.run({ componentCode: 'pe_slow_poll', version: 'legacy', inputs: {}, contexts: {} });
    await waitFor(taskId, (t) => t.state === 'RUNNING' && Number(t.outputs.polls) >= 1);
    await service.forcedFail(taskId);
    const failed = await service.getState(taskId);
    expect(failed.state).toBe('FAILED');
    await sleep(500);
    // The poll that was due meanwhile found the task FAILED and changed nothing.
    expect(await service.getState(taskId)).toEqual(failed);
    await expect(service.forcedFail(taskId)).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
      details: { task_id: taskId, state: 'FAILED' },
    });
  });

  it('retries only a FAILED task: next attempt, cleared outputs, old maps kept unless replaced', async () => {
    const taskId = await service.run({
      componentCode: 'pe_fail',
      version: 'legacy',
      inputs: { ok: false, keep: 'me' },
      contexts: { c: 1 },
      runtimeAttrs: { name: 'first' },
    });
    await inState(taskId, 'FAILED');
    // No maps given: the old inputs stay (07 §6.2 Decision), so it fails the same way again.
    await service.retry(taskId);
    let task = await waitFor(taskId, (t) => t.invoke_count === 2 && t.state === 'FAILED');
    expect(task.inputs).toEqual({ ok: false, keep: 'me' });

    await service.retry(taskId, { inputs: { ok: true } });
    task = await waitFor(taskId, (t) => t.invoke_count === 3 && t.state === 'FINISHED');
    expect(task).toMatchObject({
      inputs: { ok: true },
      contexts: { c: 1 },
      runtime_attrs: { name: 'first' },
      outputs: { ex_data: 'refused' },
      callback_data: {},
    });
    await expect(service.retry(taskId)).rejects.toMatchObject({ code: 'INVALID_OPERATION' });
  });

  it('a poll left over from before a retry does not drive the new attempt', async () => {
    const taskId = await service.run({ componentCode: 'pe_slow_poll', version: 'legacy', inputs: {}, contexts: {} });
    await waitFor(taskId, (t) => t.state === 'RUNNING' && Number(t.outputs.polls) >= 1);
    await service.forcedFail(taskId);
    await service.retry(taskId, { inputs: { second: true } });
    await waitFor(taskId, (t) => t.invoke_count === 2 && t.state === 'RUNNING');
    await sleep(700);
    // One chain of polls every 0.2 s: about 3 in 0.7 s; two chains would make about 6.
    const polls = Number((await service.getState(taskId)).outputs.polls);
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(4);
    await service.forcedFail(taskId);
  });

  it('sends again, after an embedded restart, the jobs READY and polling tasks wait for', async () => {
    const repository = dataSource.getRepository(PluginExecuteTaskEntity);
    const row = (componentCode: string, state: 'READY' | 'RUNNING', inputs = {}, outputs = {}) => ({
      componentCode,
      version: 'legacy',
      state,
      invokeCount: 1,
      inputs,
      outputs,
      callbackData: {},
      contexts: {},
      runtimeAttrs: {},
      scheduling: false,
      finishAt: null,
    });
    // Rows as a process that died with its in-process queue left them.
    const ids = await Promise.all(
      [
        row('pe_echo', 'READY'),
        row('pe_poll', 'RUNNING', { polls: 1 }, { polls: 0 }),
        row('pe_callback', 'RUNNING'),
      ].map(async (task) => Number((await repository.insert(task as never)).identifiers[0]!.id)),
    );
    const [ready, polling, waiting] = ids as [number, number, number];
    expect(await service.redispatchLost()).toBeGreaterThanOrEqual(2);
    await inState(ready, 'FINISHED');
    expect((await inState(polling, 'FINISHED')).outputs.polls).toBe(1);
    expect((await service.getState(waiting)).state).toBe('RUNNING');
    await service.forcedFail(waiting);
  });

  it('answers NOT_FOUND for an unknown task on every operation', async () => {
    await expect(service.getState(987654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.callback(987654, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.forcedFail(987654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.retry(987654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an unknown component and non-object maps before any row exists', async () => {
    const count = () => dataSource.getRepository(PluginExecuteTaskEntity).count();
    const before = await count();
    await expect(
      service.run({ componentCode: 'pe_missing', version: 'v9', inputs: {}, contexts: {} }),
    ).rejects.toMatchObject({
      code: 'COMPONENT_NOT_FOUND',
      message: 'component pe_missing@v9 does not exist',
    });
    await expect(
      service.run({ componentCode: 'pe_echo', version: 'legacy', inputs: [] as unknown as DataRecord, contexts: {} }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'inputs' } });
    expect(await count()).toBe(before);
  });

  it('fails the task when the consuming process does not know the component', async () => {
    const otherQueue = new InProcessTaskQueue();
    const api = new PluginExecutionService({ dataSource, queue: otherQueue, catalog: registry() });
    const worker = new PluginExecutionService({ dataSource, queue: otherQueue, catalog: new ComponentRegistry() });
    await new PluginExecutionWorker(worker, otherQueue).start();
    const taskId = await api.run({ componentCode: 'pe_echo', version: 'legacy', inputs: {}, contexts: {} });
    expect((await inState(taskId, 'FAILED')).outputs).toEqual({ ex_data: 'component pe_echo@legacy does not exist' });
    await otherQueue.close();
  });

  it('deletes the task and answers DISPATCH_FAILED when the queue refuses the job', async () => {
    const closed = new InProcessTaskQueue();
    await closed.close();
    const refusing = new PluginExecutionService({ dataSource, queue: closed, catalog: registry() });
    const count = () => dataSource.getRepository(PluginExecuteTaskEntity).count();
    const before = await count();
    await expect(
      refusing.run({ componentCode: 'pe_echo', version: 'legacy', inputs: {}, contexts: {} }),
    ).rejects.toMatchObject({ code: 'DISPATCH_FAILED' });
    expect(await count()).toBe(before);
  });

  it('puts a retried task back to FAILED when the queue refuses the execute job', async () => {
    const taskId = await service.run({ componentCode: 'pe_fail', version: 'legacy', inputs: {}, contexts: {} });
    const failed = await inState(taskId, 'FAILED');
    const closed = new InProcessTaskQueue();
    await closed.close();
    const refusing = new PluginExecutionService({ dataSource, queue: closed, catalog: registry() });
    await expect(refusing.retry(taskId, { inputs: { ok: true } })).rejects.toMatchObject({ code: 'DISPATCH_FAILED' });
    expect(await service.getState(taskId)).toEqual(failed);
  });
});
