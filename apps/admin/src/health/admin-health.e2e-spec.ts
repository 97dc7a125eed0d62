import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AdminModule } from '../admin.module';
import { ADMIN_API_URL } from './admin-health.tokens';

async function fakeApi(status: number): Promise<{ server: Server; url: URL }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: status === 200 ? 'ok' : 'error' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`) };
}

async function adminApp(apiUrl: URL): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AdminModule] })
    .overrideProvider(ADMIN_API_URL)
    .useValue(apiUrl)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('admin app: health and metrics', () => {
  it.each([
    ['the API answers 503', 503],
    ['the API is unreachable', 0],
  ])('answers 503 in terminus shape when %s', async (_what, status) => {
    const api = status ? await fakeApi(status) : undefined;
    const app = await adminApp(api?.url ?? new URL('http://127.0.0.1:1'));
    try {
      const response = await request(app.getHttpServer()).get('/health').expect(503);
      expect(response.body).toMatchObject({ status: 'error', info: {}, error: { api: { status: 'down' } } });
    } finally {
      await app.close();
      if (api) await new Promise((done) => api.server.close(done));
    }
  });

  it('serves /metrics with process and HTTP metrics', async () => {
    const api = await fakeApi(200);
    const app = await adminApp(api.url);
    try {
      await request(app.getHttpServer()).get('/health').expect(200);
      const response = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter');
      expect(response.text).toMatch(/bamboo_http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*\} \d+/);
    } finally {
      await app.close();
      await new Promise((done) => api.server.close(done));
    }
  });
});
