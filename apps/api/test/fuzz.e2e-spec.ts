import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ApiClient } from './support/api-client';
import { brokenCommandBody, brokenRunBody, brokenTree, SeededRandom } from './support/fuzz-bodies';
import { embeddedApi, type RealApi } from './support/real-api';

const COMMANDS: Array<{ method: 'post' | 'patch'; path: (id: string) => string }> = [
  { method: 'post', path: (id) => `/nodes/${id}/retry` },
  { method: 'post', path: (id) => `/nodes/${id}/skip` },
  { method: 'post', path: (id) => `/nodes/${id}/skip-exclusive-gateway` },
  { method: 'post', path: (id) => `/nodes/${id}/skip-conditional-parallel-gateway` },
  { method: 'post', path: (id) => `/nodes/${id}/forced-fail` },
  { method: 'post', path: (id) => `/nodes/${id}/callbacks` },
  { method: 'post', path: (id) => `/nodes/${id}/pause` },
  { method: 'post', path: (id) => `/nodes/${id}/resume` },
  { method: 'post', path: (id) => `/nodes/${id}/retry-subprocess` },
  { method: 'patch', path: (id) => `/nodes/${id}/execution-data/outputs` },
  { method: 'post', path: (id) => `/pipelines/${id}/pause` },
  { method: 'post', path: (id) => `/pipelines/${id}/resume` },
  { method: 'post', path: (id) => `/pipelines/${id}/revoke` },
  { method: 'patch', path: (id) => `/pipelines/${id}/context` },
  { method: 'post', path: () => '/plugin-executions' },
  { method: 'post', path: (id) => `/plugin-executions/${id}/callback` },
  { method: 'post', path: (id) => `/plugin-executions/${id}/forced-fail` },
  { method: 'post', path: (id) => `/plugin-executions/${id}/retry` },
];

const BAD_IDS = ['e_unknown', 'x'.repeat(65), 'a%20b', '%2e%2e', '%00', 'p_missing', '%24%7Bx%7D'];

/**
 * Issue 7: 2,000+ generated malformed or hostile bodies against run and every command endpoint.
 * Every answer must be a 4xx whose message names the problem, never a 5xx, and memory stays bounded.
 */
/**
 * The heap in use after a full collection: without it, garbage not collected yet counts as growth
 * and the figure depends on how busy the machine (and so the collector) was.
 */
function liveHeap(): number {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('REST API fuzz (embedded)', () => {
  jest.setTimeout(240_000);
  let api: RealApi;
  let client: ApiClient;

  beforeAll(async () => {
    api = await embeddedApi();
    client = new ApiClient(api.app);
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers every hostile body with a 4xx naming the problem', async () => {
    const random = new SeededRandom(20261127);
    const counts: Record<string, number> = {};
    const offenders: string[] = [];
    const heapBefore = liveHeap();
    const total = 2_100;
    for (let i = 0; i < total; i++) {
      const kind = i % 3;
      let method: 'post' | 'patch' = 'post';
      let path: string;
      let body: unknown;
      if (kind === 0) {
        path = '/pipelines';
        body = brokenRunBody(random);
      } else if (kind === 1) {
        const command = random.pick(COMMANDS);
        method = command.method;
        path = command.path(random.pick(BAD_IDS));
        body = brokenCommandBody(random);
      } else {
        path = random.pick([
          '/pipeline-trees/allowed-start-nodes',
          '/pipeline-trees/preview-node-inputs',
          '/pipeline-trees/skipped-nodes',
        ]);
        body = { pipeline: brokenTree(random), node_id: random.pick(BAD_IDS), start_node_id: random.pick(BAD_IDS) };
      }
      const request = client.http[method](`/api/v1${path}`).set('Content-Type', 'application/json');
      // Some generated bodies are not JSON objects at all (null, numbers, strings): send them raw.
      const response = await request.send(JSON.stringify(body) ?? 'null');
      counts[response.status] = (counts[response.status] ?? 0) + 1;
      const message = (response.body as { message?: unknown }).message;
      const ok4xx = response.status >= 400 && response.status < 500;
      if (!ok4xx || typeof message !== 'string' || message.length < 5 || message === 'fail') {
        offenders.push(
          `${method.toUpperCase()} ${path} -> ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
      }
    }
    const heapGrowthMiB = (liveHeap() - heapBefore) / 1024 / 1024;
    console.log(
      `fuzz: ${total} requests, answers per status ${JSON.stringify(counts)}, heap growth ${heapGrowthMiB.toFixed(1)} MiB`,
    );
    expect(offenders.slice(0, 20)).toEqual([]);
    expect(Object.keys(counts).every((status) => Number(status) >= 400 && Number(status) < 500)).toBe(true);
    // Bounded memory: thousands of rejected bodies (some of several MiB) leave no lasting growth.
    expect(heapGrowthMiB).toBeLessThan(256);
  });

  it('refuses a body nested deeper than the limit with a 400 naming its field, before anything walks it', async () => {
    // Written as text: JSON.stringify (and the test client) would overflow the stack on such values.
    const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const cases: Array<{ method: 'post' | 'patch'; path: string; body: string; field: string }> = [
      {
        method: 'post',
        path: '/pipelines',
        body: `{"pipeline":{},"root_pipeline_data":${deep(10_000)}}`,
        field: 'root_pipeline_data',
      },
      { method: 'post', path: '/pipelines', body: `{"pipeline":{},"options":${deep(300)}}`, field: 'options' },
      {
        method: 'post',
        path: '/nodes/e_unknown/callbacks',
        body: `{"version":"v1","data":${deep(5_000)}}`,
        field: 'data',
      },
      { method: 'post', path: '/nodes/e_unknown/retry', body: `{"inputs":${deep(20_000)}}`, field: 'inputs' },
      {
        method: 'patch',
        path: '/pipelines/p_unknown/context',
        body: `{"context_values":[{"key":"\${x}","type":"plain","value":${deep(20_000)}}]}`,
        field: 'context_values.0.value',
      },
      { method: 'post', path: '/plugin-executions', body: `{"code":"x","inputs":${deep(20_000)}}`, field: 'inputs' },
    ];
    for (const { method, path, body, field } of cases) {
      const response = await client.http[method](`/api/v1${path}`).set('Content-Type', 'application/json').send(body);
      expect([path, response.status]).toEqual([path, 400]);
      expect((response.body as { message: string }).message).toMatch(
        new RegExp(`^${field.replace(/\./g, '\\.')}(\\.a)*…?: nested deeper than 256 levels$`),
      );
    }
    // At the limit a body is taken as usual (refused here only for what it says, not for its depth).
    const atLimit = await client.http
      .post('/api/v1/nodes/e_unknown/callbacks')
      .set('Content-Type', 'application/json')
      .send(`{"version":"v1","data":${deep(250)}}`);
    expect([atLimit.status, atLimit.body.message]).toEqual([404, 'node(e_unknown) has no state']);
  });
});
