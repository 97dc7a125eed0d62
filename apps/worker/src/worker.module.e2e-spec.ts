import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EngineStatusService, loadBambooConfig, EngineWorker } from '@bamboo/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { WorkerModule } from './worker.module';

// The worker app on the embedded stores (SQLite, in-process queue): the module wiring and /health
// are the same in both modes; the distributed stack is covered by libs/runtime's int-specs.
describe('WorkerModule', () => {
  const directory = mkdtempSync(join(tmpdir(), 'bamboo-worker-'));
  let app: INestApplication;

  beforeAll(async () => {
    const config = loadBambooConfig({ BAMBOO_DB_URL: `sqlite:${join(directory, 'bamboo.sqlite')}` });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forConfig(config)] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers /health with the queue and the database up', async () => {
    const up = { status: 'up', responseTime: expect.any(Number) };
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { database: up, queue: up },
      error: {},
      details: { database: up, queue: up },
    });
  });

  it('serves /metrics with the engine metrics', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.text).toContain('# TYPE bamboo_sql_statements_total counter');
    expect(response.text).toContain('# TYPE bamboo_engine_node_execute_seconds histogram');
  });

  it('registers its heartbeat for the engine status', async () => {
    const status = await app.get(EngineStatusService).read();
    expect(status.workers.map((worker) => worker.pid)).toEqual([process.pid]);
  });

  it('consumes the default execute, schedule and timer queues', () => {
    expect(app.get(EngineWorker).queueNames).toEqual(['er_execute', 'er_schedule', 'er_timeout']);
  });
});
