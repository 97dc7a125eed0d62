import { BAMBOO_DATA_SOURCE, type BambooDataSource, PluginExecuteTaskEntity } from '@bamboo/runtime';
import { ApiClient } from './api-client';
import type { RealApi, RealApiFactory } from './real-api';

interface TaskState {
  task_id: number;
  state: 'READY' | 'RUNNING' | 'FINISHED' | 'FAILED';
  invoke_count: number;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  callback_data: Record<string, unknown>;
  contexts: Record<string, unknown>;
  runtime_attrs: Record<string, unknown>;
  create_at: string;
  finish_at: string | null;
}

/**
 * The five plugin-execution endpoints (spec 07 §6.2, 06 B.2) over a real runtime: the happy path of
 * each and every documented error status. Run embedded and distributed like the main scenarios;
 * the process consumes `plugin_execute` through the plugin worker role.
 */
export function describePluginExecutionsE2e(name: string, factory: RealApiFactory): void {
  describe(`REST API e2e, plugin executions: ${name}`, () => {
    jest.setTimeout(60_000);
    let api: RealApi;
    let client: ApiClient;

    beforeAll(async () => {
      api = await factory({ WORKER_ROLES: 'execute,schedule,plugin' });
      client = new ApiClient(api.app);
    });

    afterAll(async () => {
      await api.close();
    });

    async function run(body: Record<string, unknown>): Promise<number> {
      return (await client.post<{ task_id: number }>('/plugin-executions', { version: 'legacy', ...body })).data
        .task_id;
    }

    async function waitFor(taskId: number, predicate: (task: TaskState) => boolean): Promise<TaskState> {
      let last: TaskState | undefined;
      for (let attempt = 0; attempt < 400; attempt++) {
        last = (await client.get<TaskState>(`/plugin-executions/${taskId}`)).data;
        if (predicate(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for plugin task ${taskId}; last: ${JSON.stringify(last)}`);
    }

    const inState = (taskId: number, state: TaskState['state']) => waitFor(taskId, (task) => task.state === state);

    it('runs a component to FINISHED and serves its state', async () => {
      const response = await client.http
        .post('/api/v1/plugin-executions')
        .send({
          component_code: 'e2e_echo',
          version: 'legacy',
          inputs: { message: 'hi' },
          contexts: { executor: 'alice' },
          runtime_attrs: { name: 'echo once' },
        })
        .expect(202);
      const taskId = (response.body as { data: { task_id: number } }).data.task_id;
      expect(typeof taskId).toBe('number');
      expect(response.headers.location).toBe(`/api/v1/plugin-executions/${taskId}`);
      const task = await inState(taskId, 'FINISHED');
      expect(task).toMatchObject({
        task_id: taskId,
        component_code: 'e2e_echo',
        version: 'legacy',
        invoke_count: 1,
        inputs: { message: 'hi' },
        outputs: { message: 'hi' },
        callback_data: {},
        contexts: { executor: 'alice' },
        runtime_attrs: { name: 'echo once' },
      });
      expect(task.create_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(task.finish_at!)).toBeGreaterThanOrEqual(Date.parse(task.create_at));
    });

    it('polls a poll-type component until it finishes', async () => {
      const taskId = await run({ component_code: 'bamboo_sleep_timer', inputs: { seconds: 0 }, contexts: {} });
      const task = await inState(taskId, 'FINISHED');
      expect(typeof task.outputs.due_at).toBe('string');
    });

    it('keeps a callback component RUNNING until a callback finishes its schedule', async () => {
      const taskId = await run({ component_code: 'e2e_until_done', inputs: {}, contexts: {} });
      await inState(taskId, 'RUNNING');
      // Without callback_data the component gets {}.
      await client.post(`/plugin-executions/${taskId}/callback`, {});
      let task = await waitFor(taskId, (t) => t.outputs.callbacks === 1);
      expect(task).toMatchObject({ state: 'RUNNING', outputs: { last: {} } });

      await client.post(`/plugin-executions/${taskId}/callback`, { callback_data: { done: true } });
      task = await inState(taskId, 'FINISHED');
      expect(task).toMatchObject({ callback_data: { done: true }, outputs: { callbacks: 2, last: { done: true } } });

      const late = await client.post(`/plugin-executions/${taskId}/callback`, { callback_data: {} }, 409);
      expect(late.error).toMatchObject({ code: 'INVALID_OPERATION', detail: { state: 'FINISHED' } });
    });

    it('answers 409 to a callback while another one holds the scheduling flag', async () => {
      const taskId = await run({ component_code: 'e2e_until_done', inputs: {}, contexts: {} });
      await inState(taskId, 'RUNNING');
      const tasks = api.app.get<BambooDataSource>(BAMBOO_DATA_SOURCE).getRepository(PluginExecuteTaskEntity);
      await tasks.update({ id: taskId }, { scheduling: true });
      const busy = await client.post(`/plugin-executions/${taskId}/callback`, { callback_data: { done: true } }, 409);
      expect(busy).toMatchObject({ message: 'callback in progress, try again', error: { code: 'INVALID_OPERATION' } });
      await tasks.update({ id: taskId }, { scheduling: false });
      await client.post(`/plugin-executions/${taskId}/callback`, { callback_data: { done: true } });
      await inState(taskId, 'FINISHED');
    });

    it('forces a RUNNING task to fail, then refuses forced-fail and callback (409)', async () => {
      const taskId = await run({ component_code: 'bamboo_wait_callback', inputs: {}, contexts: {} });
      await inState(taskId, 'RUNNING');
      await client.post(`/plugin-executions/${taskId}/forced-fail`, undefined);
      expect((await client.get<TaskState>(`/plugin-executions/${taskId}`)).data.state).toBe('FAILED');
      const again = await client.post(`/plugin-executions/${taskId}/forced-fail`, undefined, 409);
      expect(again.error?.code).toBe('INVALID_OPERATION');
      expect(again.message).toContain('forced_fail needs RUNNING');
      expect((await client.post(`/plugin-executions/${taskId}/callback`, {}, 409)).error?.code).toBe(
        'INVALID_OPERATION',
      );
    });

    it('retries a FAILED task, keeping the old inputs unless new ones are given', async () => {
      const taskId = await run({ component_code: 'e2e_fail_unless_ok', inputs: { ok: false }, contexts: {} });
      expect((await inState(taskId, 'FAILED')).outputs.ex_data).toBe('input ok is not true');
      expect((await client.post(`/plugin-executions/${taskId}/retry`, { inputs: 'x' }, 400)).message).toContain(
        'inputs must be an object',
      );

      await client.post(`/plugin-executions/${taskId}/retry`, {});
      let task = await waitFor(taskId, (t) => t.invoke_count === 2 && t.state === 'FAILED');
      expect(task.inputs).toEqual({ ok: false });

      await client.post(`/plugin-executions/${taskId}/retry`, { inputs: { ok: true }, runtime_attrs: { name: 'r' } });
      task = await waitFor(taskId, (t) => t.invoke_count === 3 && t.state === 'FINISHED');
      expect(task).toMatchObject({ inputs: { ok: true }, runtime_attrs: { name: 'r' }, outputs: { seen: true } });

      const refused = await client.post(`/plugin-executions/${taskId}/retry`, {}, 409);
      expect(refused.error).toMatchObject({
        code: 'INVALID_OPERATION',
        detail: { task_id: taskId, state: 'FINISHED' },
      });
    });

    it('validates run bodies (400 naming the field) and refuses an unknown component (404)', async () => {
      const bad = async (body: unknown) => (await client.post('/plugin-executions', body, 400)).message;
      expect(await bad({ version: 'legacy', inputs: {}, contexts: {} })).toContain('component_code');
      expect(await bad({ component_code: 'e2e_echo', inputs: {}, contexts: {} })).toContain('version');
      expect(await bad({ component_code: 'e2e_echo', version: 'legacy', inputs: [], contexts: {} })).toContain(
        'inputs must be an object',
      );
      expect(await bad({ component_code: 'e2e_echo', version: 'legacy', inputs: {} })).toContain(
        'contexts must be an object',
      );
      expect(
        await bad({ component_code: 'e2e_echo', version: 'legacy', inputs: {}, contexts: {}, runtime_attrs: 1 }),
      ).toContain('runtime_attrs must be an object');
      expect(
        await bad({ component_code: 'e2e_echo', version: 'legacy', inputs: {}, contexts: {}, priority: 1 }),
      ).toContain('property priority should not exist');

      const unknown = await client.post(
        '/plugin-executions',
        { component_code: 'e2e_missing', version: 'v2', inputs: {}, contexts: {} },
        404,
      );
      expect(unknown).toMatchObject({
        message: 'component e2e_missing@v2 does not exist',
        error: { code: 'NOT_FOUND', detail: { engine_code: 'COMPONENT_NOT_FOUND', code: 'e2e_missing' } },
      });
    });

    it('answers unknown task ids with 404, malformed ones and bad bodies with 400', async () => {
      expect((await client.get('/plugin-executions/987654321', 404)).error?.code).toBe('NOT_FOUND');
      for (const verb of ['callback', 'forced-fail', 'retry']) {
        const answer = await client.post(`/plugin-executions/987654321/${verb}`, {}, 404);
        expect(answer).toMatchObject({ message: 'plugin task 987654321 does not exist', error: { code: 'NOT_FOUND' } });
      }
      for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
        expect((await client.get(`/plugin-executions/${id}`, 400)).message).toContain('task_id');
      }
      expect((await client.post('/plugin-executions/x/retry', {}, 400)).message).toContain('task_id');
      expect((await client.post('/plugin-executions/1/callback', { callback_data: [1] }, 400)).message).toContain(
        'callback_data must be an object',
      );
      expect((await client.post('/plugin-executions/1/retry', { contexts: 2 }, 400)).message).toContain(
        'contexts must be an object',
      );
    });

    it('reads a task id only as a plain decimal integer (Number() would take 0x10 for task 16)', async () => {
      const taskId = await run({ component_code: 'e2e_echo', inputs: { message: 'hi' }, contexts: {} });
      await inState(taskId, 'FINISHED');
      // Every text here is a spelling Number() reads as taskId: each must be refused, not serve the task.
      const spellings = [
        `0x${taskId.toString(16)}`,
        `0b${taskId.toString(2)}`,
        `0o${taskId.toString(8)}`,
        `${taskId}e0`,
        `${taskId}.0`,
        `0${taskId}`,
        `+${taskId}`,
        `%20${taskId}`,
        `${taskId}%20`,
        `%09${taskId}`,
      ];
      for (const spelling of spellings) {
        const answer = await client.get(`/plugin-executions/${spelling}`, 400);
        expect([spelling, answer.message, answer.error?.code]).toEqual([
          spelling,
          'task_id must be an integer',
          'VALIDATION_FAILED',
        ]);
        for (const verb of ['callback', 'forced-fail', 'retry']) {
          expect((await client.post(`/plugin-executions/${spelling}/${verb}`, {}, 400)).message).toBe(
            'task_id must be an integer',
          );
        }
      }
      expect((await client.get('/plugin-executions/0', 400)).message).toBe('task_id must be a positive integer');
      expect((await client.get('/plugin-executions/99999999999999999999', 400)).message).toBe(
        'task_id is out of range',
      );
      expect((await client.get(`/plugin-executions/${taskId}`)).data.task_id).toBe(taskId);
    });
  });
}
