import type { INestApplication } from '@nestjs/common';
import type { InMemoryHarness } from '@bamboo/testing';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { IdParamPipe } from '../src/common/id-param.pipe';
import { createInMemoryApi } from './in-memory-api';
import { sampleSum } from './support/prom-samples';

// The callback fast path (src/nodes/callback-fast-path.ts) answers exactly as the controller does.
// Express matches routes case-insensitively and the fast path does not, so an upper-case path is a
// way to have the same request answered by NodesController.callback; the controller's id pipe
// shows which of the two answered.
describe('POST /api/v1/nodes/{node_id}/callbacks: the fast path answers as the controller', () => {
  let app: INestApplication;
  let harness: InMemoryHarness;
  const full = 'Bearer full-token';

  beforeAll(async () => {
    ({ app, harness } = await createInMemoryApi({ token: 'full-token', readToken: 'read-token' }));
  });

  afterAll(async () => {
    await app.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const post = (path: string, body: unknown, authorization = full) =>
    request(app.getHttpServer())
      .post(path)
      .set('Authorization', authorization)
      .send(body as object);
  const answer = (response: request.Response) => ({
    status: response.status,
    body: response.body as unknown,
    type: response.headers['content-type'],
  });

  it('accepts a callback (202 envelope) without going through the controller', async () => {
    jest.spyOn(harness.engine, 'callback').mockResolvedValue({ callbackDataId: 'cb_1' });
    const controller = jest.spyOn(IdParamPipe.prototype, 'transform');
    const body = { version: 'v1', data: { approved: true } };
    const fast = await post('/api/v1/nodes/n_1/callbacks', body);
    expect(controller).not.toHaveBeenCalled();
    expect(harness.engine.callback).toHaveBeenCalledWith('n_1', 'v1', { approved: true });
    expect(answer(fast)).toEqual({
      status: 202,
      body: { result: true, message: 'success', data: { callback_data_id: 'cb_1' }, error: null },
      type: 'application/json; charset=utf-8',
    });
    expect(fast.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const slow = await post('/API/V1/NODES/n_1/CALLBACKS', body);
    expect(controller).toHaveBeenCalledTimes(1);
    expect(answer(slow)).toEqual(answer(fast));
  });

  it('answers engine errors with the error envelope of every route (404, 500)', async () => {
    const controller = jest.spyOn(IdParamPipe.prototype, 'transform');
    const body = { version: 'v1', data: {} };
    const missing = await post('/api/v1/nodes/e_missing/callbacks', body).set('X-Request-Id', 'req-1');
    expect(controller).not.toHaveBeenCalled();
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBe('req-1');
    expect(answer(missing)).toEqual(answer(await post('/API/V1/NODES/e_missing/CALLBACKS', body)));

    jest.spyOn(harness.engine, 'callback').mockRejectedValue(new Error('database on fire'));
    const internal = await post('/api/v1/nodes/n_1/callbacks', body);
    expect(answer(internal)).toEqual({
      status: 500,
      body: {
        result: false,
        message: 'internal error',
        data: null,
        error: { code: 'INTERNAL', type: 'InternalError', detail: {} },
      },
      type: 'application/json; charset=utf-8',
    });
  });

  it.each([
    ['no token', {}, undefined, 401],
    ['the read-only token', { version: 'v1', data: {} }, 'Bearer read-token', 403],
    ['a malformed body', { version: 'v1', data: [] }, full, 400],
    ['an unknown field', { version: 'v1', data: {}, more: 1 }, full, 400],
  ])('leaves a request with %s to the controller', async (_label, body, authorization, status) => {
    const callback = jest.spyOn(harness.engine, 'callback');
    const response = await request(app.getHttpServer())
      .post('/api/v1/nodes/n_1/callbacks')
      .set(authorization ? { Authorization: authorization } : {})
      .send(body);
    expect(response.status).toBe(status);
    expect(callback).not.toHaveBeenCalled();
  });

  it.each([
    ['JSON it cannot parse', '{"version": "v1", "data": {'],
    ['a body that is not an object', '["v1"]'],
    ['a field of the wrong type', '{"version": 1, "data": {}}'],
  ])('puts back a body with %s for Express, which answers as the controller', async (_label, text) => {
    const callback = jest.spyOn(harness.engine, 'callback');
    const send = (path: string) =>
      request(app.getHttpServer())
        .post(path)
        .set('Authorization', full)
        .set('Content-Type', 'application/json')
        .send(text);
    const fast = await send('/api/v1/nodes/n_1/callbacks');
    expect(fast.status).toBe(400);
    expect(answer(fast)).toEqual(answer(await send('/API/V1/NODES/n_1/CALLBACKS')));
    expect(callback).not.toHaveBeenCalled();
  });

  it('leaves a request Express must decode (another charset) or limit (over 64 KiB) to the controller', async () => {
    const callback = jest.spyOn(harness.engine, 'callback').mockResolvedValue({ callbackDataId: 'cb_1' });
    const controller = jest.spyOn(IdParamPipe.prototype, 'transform');
    const body = JSON.stringify({ version: 'v1', data: { note: 'x'.repeat(70 * 1024) } });
    const large = await request(app.getHttpServer())
      .post('/api/v1/nodes/n_1/callbacks')
      .set('Authorization', full)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(large.status).toBe(202);
    expect(controller).toHaveBeenCalledTimes(1);
    const latin = await request(app.getHttpServer())
      .post('/api/v1/nodes/n_1/callbacks')
      .set('Authorization', full)
      .set('Content-Type', 'application/json; charset=iso-8859-1')
      .send('{"version": "v1", "data": {}}');
    expect(latin.status).toBe(415);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('leaves an application/*+json callback to Express, which parses it, and refuses other types there (415)', async () => {
    const callback = jest.spyOn(harness.engine, 'callback').mockResolvedValue({ callbackDataId: 'cb_1' });
    const controller = jest.spyOn(IdParamPipe.prototype, 'transform');
    const text = JSON.stringify({ version: 'v1', data: { approved: true } });
    const send = (type: string | undefined) => {
      const sent = request(app.getHttpServer()).post('/api/v1/nodes/n_1/callbacks').set('Authorization', full);
      return type === undefined ? sent.send(Buffer.from(text)) : sent.set('Content-Type', type).send(text);
    };
    const vendor = await send('application/vnd.api+json');
    expect([vendor.status, vendor.body.data]).toEqual([202, { callback_data_id: 'cb_1' }]);
    expect(controller).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith('n_1', 'v1', { approved: true });

    for (const type of ['text/plain', undefined]) {
      const refused = await send(type);
      expect([type, refused.status, refused.body.error.code]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
    expect(callback).toHaveBeenCalledTimes(1);
    expect(controller).toHaveBeenCalledTimes(1);
  });

  it('takes a body that arrives in several pieces, and answers with the headers of the controller', async () => {
    jest.spyOn(harness.engine, 'callback').mockResolvedValue({ callbackDataId: 'cb_1' });
    const controller = jest.spyOn(IdParamPipe.prototype, 'transform');
    const server = (app.getHttpServer() as http.Server).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const text = JSON.stringify({ version: 'v1', data: { approved: true } });
    const pieces = (path: string) =>
      new Promise<http.IncomingMessage & { text: string }>((resolve, reject) => {
        const headers = { authorization: full, 'content-type': 'application/json', 'content-length': text.length };
        const sent = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (answered) => {
          let got = '';
          answered.setEncoding('utf8').on('data', (chunk: string) => (got += chunk));
          answered.on('end', () => resolve(Object.assign(answered, { text: got })));
        });
        sent.on('error', reject);
        sent.flushHeaders();
        sent.write(text.slice(0, 10));
        setTimeout(() => sent.end(text.slice(10)), 20);
      });
    try {
      const fast = await pieces('/api/v1/nodes/n_1/callbacks');
      expect(controller).not.toHaveBeenCalled();
      const slow = await pieces('/API/V1/NODES/n_1/CALLBACKS');
      expect(controller).toHaveBeenCalledTimes(1);
      expect([fast.statusCode, JSON.parse(fast.text)]).toEqual([
        202,
        { result: true, message: 'success', data: { callback_data_id: 'cb_1' }, error: null },
      ]);
      expect([slow.statusCode, slow.text]).toEqual([fast.statusCode, fast.text]);
      const names = (response: http.IncomingMessage) => Object.keys(response.headers).sort();
      expect(names(fast)).toEqual(names(slow));
      expect(fast.headers['content-type']).toBe(slow.headers['content-type']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts its requests under the route in bamboo_http_request_duration_seconds', async () => {
    const labels = { method: 'POST', route: '/api/v1/nodes/:node_id/callbacks', status: '404' };
    const before = sampleSum(
      (await request(app.getHttpServer()).get('/metrics')).text,
      'bamboo_http_request_duration_seconds_count',
      labels,
    );
    await post('/api/v1/nodes/e_missing/callbacks', { version: 'v1', data: {} }).expect(404);
    await post('/API/V1/NODES/e_missing/CALLBACKS', { version: 'v1', data: {} }).expect(404);
    const after = sampleSum(
      (await request(app.getHttpServer()).get('/metrics')).text,
      'bamboo_http_request_duration_seconds_count',
      labels,
    );
    expect(after - before).toBe(2);
  });
});
