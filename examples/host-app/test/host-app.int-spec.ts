import { createTestDatabase, dropTestDatabase, randomQueuePrefix, TEST_REDIS_URL } from '@bamboo/testing';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { HostAppModule } from '../src/host-app.module';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('host app: BambooModule in a Nest app (MySQL + Bull)', () => {
  let database: { name: string; url: string };
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('host_app');
    const moduleRef = await Test.createTestingModule({
      imports: [
        HostAppModule.forEnv({
          BAMBOO_DB_URL: database.url,
          BAMBOO_REDIS_URL: TEST_REDIS_URL,
          BAMBOO_QUEUE_PREFIX: randomQueuePrefix('host-app'),
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (database !== undefined) await dropTestDatabase(database.name);
  });

  it('approves an order: the pipeline finishes and the greeting comes from the injected service', async () => {
    const started = await request(app.getHttpServer())
      .post('/orders/A-42/approve')
      .send({ customer: 'ann' })
      .expect(202);
    const { pipelineId, greetingNodeId } = started.body as { pipelineId: string; greetingNodeId: string };

    const run = await until(
      async () => (await request(app.getHttpServer()).get(`/orders/runs/${pipelineId}`).expect(200)).body,
      (body: { state: string }) => body.state === 'FINISHED' || body.state === 'FAILED',
      'the approval pipeline to finish',
    );
    expect(run).toEqual({ state: 'FINISHED' });

    const outputs = await request(app.getHttpServer())
      .get(`/orders/runs/${pipelineId}/nodes/${greetingNodeId}/outputs`)
      .expect(200);
    // "Dr." only exists in GreeterDirectory: the component got the host's provider, not a stub.
    expect(outputs.body).toMatchObject({ message: 'Dr. ann, order A-42 is approved' });
  }, 60_000);

  it('rejects an approval without a customer before touching the engine', async () => {
    await request(app.getHttpServer()).post('/orders/A-43/approve').send({}).expect(400);
  });
});
