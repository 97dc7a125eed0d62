import { BAMBOO_DATA_SOURCE } from '@bamboo/runtime';
import { ApiClient } from './support/api-client';
import { echoTree } from './support/e2e-trees';
import { sampleSum } from './support/prom-samples';
import { embeddedApi, type RealApi } from './support/real-api';

// Health, metrics and engine status on the real embedded all-in-one process (SQLite, in-process
// queue, workers in the process), with an API token so that the public routes are proven public.
describe('observability on the embedded API', () => {
  jest.setTimeout(60_000);
  let api: RealApi;
  let client: ApiClient;

  beforeAll(async () => {
    api = await embeddedApi({ BAMBOO_API_TOKEN: 'secret-token' });
    client = new ApiClient(api.app);
  });

  afterAll(async () => {
    await api.close();
  });

  const authorised = (path: string) => client.http.get(path).set('Authorization', 'Bearer secret-token');

  it('counts SQL statements, queue operations and node timings of a finished run in GET /metrics', async () => {
    const before = (await client.http.get('/metrics').expect(200)).text;
    const { tree } = echoTree('metrics run');
    const run = await client.http
      .post('/api/v1/pipelines')
      .set('Authorization', 'Bearer secret-token')
      .send({ pipeline: tree });
    expect(run.status).toBe(202);
    const rootId = (run.body as { data: { pipeline_id: string } }).data.pipeline_id;
    for (let i = 0; i < 400; i++) {
      const states = await authorised(`/api/v1/pipelines/${rootId}/states`);
      if (states.body.data?.[rootId]?.state === 'FINISHED') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const response = await client.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const after = response.text;
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(moved('bamboo_sql_statements_total')).toBeGreaterThan(0);
    expect(moved('bamboo_queue_operations_total', { op: 'add' })).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_queue_operations_total', { op: 'process' })).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_queue_operations_total', { op: 'complete' })).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_engine_node_execute_seconds_count', { type: 'e2e_echo_legacy' })).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_engine_node_execute_seconds_count', { type: 'empty_start_event' })).toBeGreaterThanOrEqual(1);
    expect(
      moved('bamboo_engine_execute_pre_process_seconds_count', { type: 'ServiceActivity' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_engine_process_running_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_engine_runtime_execute_task_claim_delay_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_engine_runtime_state_write_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('bamboo_http_request_duration_seconds_count', { route: '/api/v1/pipelines', method: 'POST' })).toBe(1);
    expect(after).toMatch(/^bamboo_queue_jobs\{queue="er_execute",state="waiting"\} \d+$/m);
    expect(after).toContain('# TYPE bamboo_engine_running_processes gauge');
    expect(after).toContain('# TYPE process_cpu_user_seconds_total counter');
  });

  it('lists this process as a live worker with the queue depths in GET /api/v1/engine/status', async () => {
    expect((await client.http.get('/api/v1/engine/status')).status).toBe(401);
    const response = await authorised('/api/v1/engine/status').expect(200);
    const status = response.body.data;
    expect(status.workers).toEqual([
      {
        id: expect.stringContaining(`:${process.pid}:`),
        hostname: expect.any(String),
        pid: process.pid,
        queues: ['er_execute', 'er_schedule', 'er_timeout'],
        last_seen: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(status.queues).toEqual(
      ['er_execute', 'er_schedule', 'er_timeout'].map((name) => ({
        name,
        waiting: expect.any(Number),
        active: expect.any(Number),
        delayed: expect.any(Number),
        failed: expect.any(Number),
      })),
    );
    expect(status.healer).toEqual([]);
  });

  it('answers GET /health 200 in terminus shape without a token', async () => {
    const response = await client.http.get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { database: expect.objectContaining({ status: 'up' }), queue: expect.objectContaining({ status: 'up' }) },
      error: {},
      details: {
        database: expect.objectContaining({ status: 'up' }),
        queue: expect.objectContaining({ status: 'up' }),
      },
    });
  });

  // Last: it closes the database under the running app.
  it('answers GET /health 503 with the database down, still in terminus shape', async () => {
    await api.app.get<{ destroy(): Promise<void> }>(BAMBOO_DATA_SOURCE).destroy();
    const response = await client.http.get('/health').expect(503);
    expect(response.body).toMatchObject({
      status: 'error',
      info: { queue: { status: 'up' } },
      error: { database: { status: 'down' } },
      details: { database: { status: 'down' }, queue: { status: 'up' } },
    });
  });
});
