import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createInMemoryApi } from './in-memory-api';

// Every answer carries X-Request-Id, those written before routing included: the body parser's
// refusals (bad JSON, another charset, too large) and the 415 of a body that is not JSON.
describe('X-Request-Id on answers given before routing', () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await createInMemoryApi());
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (contentType: string, body: string, requestId?: string) => {
    const call = request(app.getHttpServer()).post('/api/v1/pipelines').set('Content-Type', contentType);
    return (requestId ? call.set('X-Request-Id', requestId) : call).send(body);
  };

  it.each([
    ['a body that is not JSON', 'application/json', '{"pipeline": ', 400],
    ['another charset', 'application/json; charset=iso-8859-1', '{}', 415],
    ['another media type', 'text/plain', 'hello', 415],
  ])('echoes the caller id and makes one otherwise: %s', async (_what, contentType, body, status) => {
    const echoed = await post(contentType, body, 'req-7');
    expect([echoed.status, echoed.headers['x-request-id'], echoed.body.result]).toEqual([status, 'req-7', false]);

    const made = await post(contentType, body);
    expect(made.status).toBe(status);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps one id per request when the routed middleware sees it again', async () => {
    const answer = await request(app.getHttpServer())
      .get('/api/v1/pipelines/p_unknown/states')
      .set('X-Request-Id', 'req-8');
    expect([answer.status, answer.headers['x-request-id']]).toEqual([404, 'req-8']);

    const made = await request(app.getHttpServer()).get('/api/v1/pipelines/p_unknown/states');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
