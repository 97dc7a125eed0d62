import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { nodeCommand, pipelineCommand } from './fake-commands';
import { FakeConflict, FakeNotFound, FakeStore, type FakePipeline } from './fake-store';
import type { Json } from './fake-trees';

// A small REST server with the envelope, paths and shapes of spec 06 Part B and the 00-README
// additions, backed by FakeStore, that also serves the console build at /admin/. The browser tests
// use it until the real embedded server can stand in (see console-server.ts).

export interface FakeApiOptions {
  distDir: string;
  store?: FakeStore;
  /** When set, every /api/v1 request needs `Authorization: Bearer <token>` (or the read token). */
  token?: string;
  readToken?: string;
}

export interface FakeApiServer {
  url: string;
  store: FakeStore;
  server: Server;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

const ok = (response: ServerResponse, status: number, data: unknown): void =>
  send(response, status, { result: true, message: 'success', data: data ?? null, error: null });

async function readBody(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new HttpError(400, 'VALIDATION_FAILED', 'body is not JSON');
  }
}

function summaryOf(pipeline: FakePipeline) {
  const root = pipeline.states.get(pipeline.id)!;
  const children = [...pipeline.states.values()].filter((state) => state.id !== pipeline.id);
  return {
    pipeline_id: pipeline.id,
    name: pipeline.name,
    state: root.state,
    created_time: pipeline.created_time,
    started_time: root.started_time,
    archived_time: root.archived_time,
    node_count: Object.keys(pipeline.tree.activities).length + Object.keys(pipeline.tree.gateways).length + 2,
    failed_node_count: children.filter((state) => state.state === 'FAILED').length,
  };
}

function listPipelines(store: FakeStore, query: URLSearchParams) {
  const limit = Math.min(Number(query.get('limit') ?? 50), 200);
  const offset = Number(Buffer.from(query.get('cursor') ?? '', 'base64url').toString() || 0);
  const name = query.get('name')?.toLowerCase();
  const matching = [...store.pipelines.values()]
    .map(summaryOf)
    .filter((item) => !query.get('state') || item.state === query.get('state'))
    .filter((item) => !name || item.name.toLowerCase().includes(name))
    .filter((item) => !query.get('created_after') || item.created_time >= query.get('created_after')!)
    .filter((item) => !query.get('created_before') || item.created_time < query.get('created_before')!)
    .sort((a, b) => b.created_time.localeCompare(a.created_time) || b.pipeline_id.localeCompare(a.pipeline_id));
  const items = matching.slice(offset, offset + limit);
  const next = offset + limit < matching.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
  return { items, next_cursor: next };
}

function statesOf(pipeline: FakePipeline) {
  const root = pipeline.states.get(pipeline.id)!;
  const children = Object.fromEntries(
    [...pipeline.states.values()]
      .filter((state) => state.id !== pipeline.id)
      .map((state) => [state.id, { ...state, children: {} }]),
  );
  return { [pipeline.id]: { ...root, children } };
}

function pipelineOf(store: FakeStore, id: string): FakePipeline {
  const pipeline = store.pipelines.get(id);
  if (!pipeline) throw new HttpError(404, 'NOT_FOUND', `pipeline(${id}) not found`);
  return pipeline;
}

function checkAuth(options: FakeApiOptions, request: IncomingMessage): void {
  if (!options.token) return;
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (given === options.token) return;
  if (given && given === options.readToken) {
    if (request.method === 'GET') return;
    throw new HttpError(403, 'FORBIDDEN', 'the read-only token cannot run commands');
  }
  throw new HttpError(401, 'UNAUTHENTICATED', given ? 'invalid bearer token' : 'missing bearer token');
}

function whoami(options: FakeApiOptions, request: IncomingMessage): { scope: 'full' | 'read' } {
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return { scope: options.readToken && given === options.readToken ? 'read' : 'full' };
}

async function handleApi(
  options: FakeApiOptions,
  store: FakeStore,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) {
  checkAuth(options, request);
  const parts = url.pathname
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const [collection, id, verb, sub] = parts;
  const method = request.method ?? 'GET';
  if (method === 'GET' && collection === 'auth' && id === 'whoami') return ok(response, 200, whoami(options, request));
  if (method === 'GET' && collection === 'components') return ok(response, 200, FAKE_COMPONENTS);
  if (method === 'GET' && collection === 'engine' && id === 'status') return ok(response, 200, fakeEngineStatus());
  if (collection === 'pipelines') {
    if (method === 'GET' && !id) return ok(response, 200, listPipelines(store, url.searchParams));
    const pipeline = pipelineOf(store, id!);
    if (method === 'GET' && !verb) return ok(response, 200, { ...summaryOf(pipeline), tree: pipeline.tree });
    if (method === 'GET' && verb === 'states') return ok(response, 200, statesOf(pipeline));
    if (method === 'POST' && verb) return ok(response, 202, pipelineCommand(store, pipeline.id, verb));
  }
  if (collection === 'nodes' && id) {
    if (method === 'POST' && verb) return ok(response, 202, nodeCommand(store, id, verb, await readBody(request)));
    const { pipeline, state } = store.find(id);
    if (verb === 'state') return ok(response, 200, state);
    if (verb === 'execution-data' && !sub) {
      const data = pipeline.executionData.get(id);
      if (!data) throw new HttpError(404, 'NOT_FOUND', `execution data of node(${id}) not found`);
      return ok(response, 200, data);
    }
    if (verb === 'histories') return ok(response, 200, pipeline.histories.get(id) ?? []);
    if (verb === 'logs') return ok(response, 200, { log: (pipeline.logs.get(id) ?? []).join('\n') });
  }
  throw new HttpError(404, 'NOT_FOUND', `no route ${method} ${url.pathname}`);
}

function serveStatic(distDir: string, response: ServerResponse, url: URL): void {
  if (url.pathname === '/admin') {
    response.writeHead(301, { Location: '/admin/' });
    response.end();
    return;
  }
  const relative = normalize(url.pathname.replace(/^\/admin\/?/, '') || 'index.html').replace(/^(\.\.[/\\])+/, '');
  const file = join(distDir, relative);
  const found = existsSync(file) && statSync(file).isFile() ? file : join(distDir, 'index.html');
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(found)] ?? 'application/octet-stream' });
  createReadStream(found).pipe(response);
}

export async function startFakeApiServer(options: FakeApiOptions): Promise<FakeApiServer> {
  const store = options.store ?? new FakeStore();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/v1')) {
      if (url.pathname.startsWith('/admin')) return serveStatic(options.distDir, response, url);
      return send(response, 404, { result: false, message: 'not found', data: null, error: null });
    }
    handleApi(options, store, request, response, url).catch((error: unknown) => {
      const mapped =
        error instanceof HttpError
          ? error
          : error instanceof FakeConflict
            ? new HttpError(409, 'INVALID_OPERATION', error.message)
            : error instanceof FakeNotFound
              ? new HttpError(404, 'NOT_FOUND', error.message)
              : new HttpError(500, 'INTERNAL', 'internal error');
      send(response, mapped.status, {
        result: false,
        message: mapped.message,
        data: null,
        error: { code: mapped.code, type: error instanceof Error ? error.constructor.name : 'Error', detail: {} },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    server,
    close: () => {
      store.close();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const FAKE_COMPONENTS = [
  {
    code: 'fake_http_call',
    name: 'HTTP call',
    version: '1.2.0',
    status: 'active',
    inputs_format: [{ key: 'url', name: 'URL', type: 'string', required: true }],
    outputs_format: [{ key: 'status_code', name: 'status', type: 'int' }],
  },
  { code: 'debug_node', name: 'Debug', version: 'legacy', status: 'active', inputs_format: [], outputs_format: [] },
];

function fakeEngineStatus() {
  const seen = new Date().toISOString();
  return {
    workers: [
      {
        id: 'worker-1',
        hostname: 'localhost',
        pid: process.pid,
        queues: ['er_execute', 'er_schedule'],
        last_seen: seen,
      },
    ],
    queues: [
      { name: 'er_execute', waiting: 3, active: 1, delayed: 0, failed: 0 },
      { name: 'er_schedule', waiting: 0, active: 0, delayed: 2, failed: 0 },
    ],
    healer: [{ time: seen, action: 'redispatch', process_id: 42, node_id: null, detail: 'process stuck for 120 s' }],
  };
}
