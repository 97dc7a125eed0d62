import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AdminModule } from '../admin.module';
import { ADMIN_API_URL } from '../health/admin-health.tokens';
import { createApiProxy } from './api-proxy';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

async function startUpstream(seen: Seen[]): Promise<{ server: Server; url: URL }> {
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
      res.writeHead(202, { 'content-type': 'application/json', 'x-request-id': 'up-1' });
      res.end(JSON.stringify({ result: true, message: 'success', data: { echoed: body.length }, error: null }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`) };
}

async function adminApp(apiUrl: URL): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AdminModule] })
    .overrideProvider(ADMIN_API_URL)
    .useValue(apiUrl)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  app.use('/api', createApiProxy(apiUrl));
  await app.init();
  return app;
}

describe('admin app: API proxy', () => {
  const seen: Seen[] = [];
  let upstream: { server: Server; url: URL };
  let app: INestApplication;

  beforeAll(async () => {
    upstream = await startUpstream(seen);
    app = await adminApp(upstream.url);
  });

  afterAll(async () => {
    await app.close();
    await new Promise((done) => upstream.server.close(done));
  });

  it('forwards method, full path, query, token and body, and streams the answer back', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/nodes/e1/retry?x=1')
      .set('Authorization', 'Bearer t0k')
      .send({ inputs: { a: 1 } })
      .expect(202);
    expect(response.body.data).toEqual({ echoed: JSON.stringify({ inputs: { a: 1 } }).length });
    expect(response.headers['x-request-id']).toBe('up-1');
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/api/v1/nodes/e1/retry?x=1',
      authorization: 'Bearer t0k',
      body: JSON.stringify({ inputs: { a: 1 } }),
    });
  });

  it('keeps its own health endpoint, up while the API answers', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    const api = { status: 'up', responseTime: expect.any(Number) };
    expect(response.body).toEqual({ status: 'ok', info: { api }, error: {}, details: { api } });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/health' });
  });

  it('answers 502 in the envelope when the API is down', async () => {
    const down = await adminApp(new URL('http://127.0.0.1:1'));
    const response = await request(down.getHttpServer()).get('/api/v1/pipelines').expect(502);
    expect(response.body.error.code).toBe('BAD_GATEWAY');
    expect(response.body.message).toContain('cannot be reached');
    await down.close();
  });
});
