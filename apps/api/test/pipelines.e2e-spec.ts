import type { INestApplication } from '@nestjs/common';
import { buildTree, EmptyEndEvent, EmptyStartEvent, ServiceActivity, Var } from '@bamboo/engine';
import type { InMemoryHarness } from '@bamboo/testing';
import request from 'supertest';
import { createInMemoryApi } from './in-memory-api';

function oneNodeTree(code = 'echo'): { tree: Record<string, unknown>; nodeId: string } {
  const start = new EmptyStartEvent();
  const act = new ServiceActivity({ componentCode: code });
  act.component.inputs.message = new Var(Var.PLAIN, 'hello');
  start.extend(act).extend(new EmptyEndEvent());
  return { tree: buildTree(start), nodeId: act.id };
}

describe('REST API: pipelines (in-memory engine)', () => {
  let app: INestApplication;
  let harness: InMemoryHarness;

  beforeAll(async () => {
    ({ app, harness } = await createInMemoryApi());
  });

  afterAll(async () => {
    await app.close();
  });

  it('runs a pipeline (202, Location) and reports its states', async () => {
    const { tree, nodeId } = oneNodeTree();
    const run = await request(app.getHttpServer()).post('/api/v1/pipelines').send({ pipeline: tree }).expect(202);
    expect(run.body.data.pipeline_id).toBe(tree.id);
    expect(run.headers.location).toBe(`/api/v1/pipelines/${String(tree.id)}/states`);
    await harness.runUntilIdle();

    const states = await request(app.getHttpServer())
      .get(`/api/v1/pipelines/${String(tree.id)}/states`)
      .expect(200);
    expect(states.headers.etag).toBeUndefined();
    const root = states.body.data[tree.id as string];
    expect(root.state).toBe('FINISHED');
    expect(root.children[nodeId].state).toBe('FINISHED');
    expect(root).not.toHaveProperty('root_id:');

    const compat = await request(app.getHttpServer())
      .get(`/api/v1/pipelines/${String(tree.id)}/states?compat=true&flat_children=false`)
      .expect(200);
    expect(compat.body.data[tree.id as string]['root_id:']).toBe(tree.id);
    // The flags are booleans: 1/0 as well, and anything else is refused naming the flag.
    const numeric = await request(app.getHttpServer())
      .get(`/api/v1/pipelines/${String(tree.id)}/states?compat=1&flat_children=0`)
      .expect(200);
    expect(numeric.body.data).toEqual(compat.body.data);
    for (const [flag, value] of [
      ['compat', 'yes'],
      ['flat_children', 'True'],
      ['compat', 'on'],
    ]) {
      const refused = await request(app.getHttpServer())
        .get(`/api/v1/pipelines/${String(tree.id)}/states?${flag}=${value}`)
        .expect(400);
      expect(refused.body.message).toBe(`${flag} must be a boolean (true or false)`);
    }

    const data = await request(app.getHttpServer()).get(`/api/v1/nodes/${nodeId}/execution-data`).expect(200);
    expect(data.body.data.outputs).toMatchObject({ message: 'hello', _result: true });
    const outputs = await request(app.getHttpServer())
      .get(`/api/v1/nodes/${nodeId}/execution-data/outputs`)
      .expect(200);
    expect(outputs.body.data.message).toBe('hello');
  });

  it('tells an unknown node from one without data with one more read, only when a read is empty', async () => {
    const { tree, nodeId } = oneNodeTree();
    await request(app.getHttpServer()).post('/api/v1/pipelines').send({ pipeline: tree }).expect(202);
    await harness.runUntilIdle();
    const reads = ['children-states', 'execution-data', 'execution-data/inputs', 'execution-data/outputs'];
    const lookups = jest.spyOn(harness.runtime, 'loadOperatorTarget');
    try {
      for (const read of reads) await request(app.getHttpServer()).get(`/api/v1/nodes/${nodeId}/${read}`).expect(200);
      await request(app.getHttpServer())
        .get(`/api/v1/nodes/${String(tree.id)}/children-states`)
        .expect(200);
      expect(lookups).not.toHaveBeenCalled();

      for (const read of reads) {
        const missing = await request(app.getHttpServer()).get(`/api/v1/nodes/n_unknown/${read}`).expect(404);
        expect(missing.body).toMatchObject({ message: 'node(n_unknown) does not exist', error: { code: 'NOT_FOUND' } });
      }
      expect(lookups).toHaveBeenCalledTimes(reads.length);
    } finally {
      lookups.mockRestore();
    }
  });

  it('replays the first answer for a repeated Idempotency-Key', async () => {
    const { tree } = oneNodeTree();
    const first = await request(app.getHttpServer())
      .post('/api/v1/pipelines')
      .set('Idempotency-Key', 'run-once-1')
      .send({ pipeline: tree })
      .expect(202);
    const second = await request(app.getHttpServer())
      .post('/api/v1/pipelines')
      .set('Idempotency-Key', 'run-once-1')
      .send({ pipeline: tree })
      .expect(202);
    expect(second.body.data).toEqual(first.body.data);
    const other = oneNodeTree().tree;
    const reused = await request(app.getHttpServer())
      .post('/api/v1/pipelines')
      .set('Idempotency-Key', 'run-once-1')
      .send({ pipeline: other })
      .expect(409);
    expect(reused.body.error.code).toBe('INVALID_OPERATION');
  });

  it('refuses to run the same pipeline id twice (409)', async () => {
    const { tree } = oneNodeTree();
    await request(app.getHttpServer()).post('/api/v1/pipelines').send({ pipeline: tree }).expect(202);
    const again = await request(app.getHttpServer()).post('/api/v1/pipelines').send({ pipeline: tree }).expect(409);
    expect(again.body.error.code).toBe('INVALID_OPERATION');
  });

  it('answers an invalid tree with 422 naming the bad field', async () => {
    const { tree } = oneNodeTree();
    const activities = tree.activities as Record<string, { component: { inputs: Record<string, unknown> } }>;
    Object.values(activities)[0]!.component.inputs.message = { type: 'raw', value: 1 };
    const response = await request(app.getHttpServer()).post('/api/v1/pipelines').send({ pipeline: tree }).expect(422);
    expect(response.body.error.code).toBe('PIPELINE_INVALID');
    expect(response.body.message).toContain('component.inputs.message.type: expected one of plain|splice|lazy');
  });

  it('answers a bad body with 400 naming the field', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/pipelines')
      .send({ pipeline: 'not a tree', options: { priority: 999 } })
      .expect(400);
    expect(response.body.message).toContain('pipeline must be an object');
    expect(response.body.message).toContain('options.priority must not be greater than 255');
  });

  it('answers an oversized body with 413', async () => {
    const huge = { pipeline: { id: 'x', blob: 'a'.repeat(9 * 1024 * 1024) } };
    const response = await request(app.getHttpServer()).post('/api/v1/pipelines').send(huge).expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a deeply nested tree with 413 naming the depth', async () => {
    let deep: Record<string, unknown> = {};
    const pipeline = { id: 'p1', deep };
    for (let i = 0; i < 100; i++) {
      const next = {};
      deep.x = next;
      deep = next;
    }
    const response = await request(app.getHttpServer()).post('/api/v1/pipelines').send({ pipeline }).expect(413);
    expect(response.body.message).toContain('nested deeper than 64 levels');
  });

  it('answers states of an unknown pipeline with 404 and a malformed id with 400', async () => {
    const missing = await request(app.getHttpServer()).get('/api/v1/pipelines/p_nope/states').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const bad = await request(app.getHttpServer()).get('/api/v1/pipelines/bad%20id/states').expect(400);
    expect(bad.body.message).toContain('pipeline_id');
  });

  it('lists allowed start nodes and skipped nodes of a tree', async () => {
    const { tree, nodeId } = oneNodeTree();
    const start = (tree.start_event as { id: string }).id;
    const allowed = await request(app.getHttpServer())
      .post('/api/v1/pipeline-trees/allowed-start-nodes')
      .send({ pipeline: tree })
      .expect(200);
    expect(allowed.body.data).toEqual([start, nodeId]);
    const skipped = await request(app.getHttpServer())
      .post('/api/v1/pipeline-trees/skipped-nodes')
      .send({ pipeline: tree, start_node_id: nodeId })
      .expect(200);
    expect(skipped.body.data).toEqual([start]);
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toContain('/api/v1/pipelines');
  });
});

describe('REST API: catalogue, scopes and task list (in-memory engine)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await createInMemoryApi({ token: 'full-token', readToken: 'read-token' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists the built-in components with their formats', async () => {
    const response = await request(app.getHttpServer())
      .get('/api/v1/components')
      .set('Authorization', 'Bearer read-token')
      .expect(200);
    const codes = response.body.data.map((item: { code: string }) => item.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'bamboo_http_request',
        'bamboo_sleep_timer',
        'bamboo_wait_callback',
        'example_component',
      ]),
    );
    const http = response.body.data.find((item: { code: string }) => item.code === 'bamboo_http_request');
    expect(http.version).toBe('legacy');
    expect(http.outputs_format.map((item: { key: string }) => item.key)).toEqual(
      expect.arrayContaining(['_result', '_loop']),
    );
    await request(app.getHttpServer())
      .get('/api/v1/components/nope/versions/legacy')
      .set('Authorization', 'Bearer read-token')
      .expect(404);
    expect(http.status).toBe(true);
    const inactive = await request(app.getHttpServer())
      .get('/api/v1/components?status=inactive')
      .set('Authorization', 'Bearer read-token')
      .expect(200);
    expect(inactive.body.data).toEqual([]);
    await request(app.getHttpServer())
      .get('/api/v1/components?status=gone')
      .set('Authorization', 'Bearer read-token')
      .expect(400);
  });

  it('tells the caller its scope', async () => {
    const read = await request(app.getHttpServer())
      .get('/api/v1/auth/whoami')
      .set('Authorization', 'Bearer read-token')
      .expect(200);
    expect(read.body.data).toEqual({ scope: 'read' });
    const full = await request(app.getHttpServer())
      .get('/api/v1/auth/whoami')
      .set('Authorization', 'Bearer full-token')
      .expect(200);
    expect(full.body.data).toEqual({ scope: 'full' });
    await request(app.getHttpServer()).get('/api/v1/auth/whoami').expect(401);
  });

  it('answers an empty task list, a bad filter with 400 and an unknown pipeline with 404', async () => {
    const empty = await request(app.getHttpServer())
      .get('/api/v1/pipelines?limit=10')
      .set('Authorization', 'Bearer read-token')
      .expect(200);
    expect(empty.body.data).toEqual({ items: [], next_cursor: null });
    const bad = await request(app.getHttpServer())
      .get('/api/v1/pipelines?state=DANCING&limit=1000')
      .set('Authorization', 'Bearer read-token')
      .expect(400);
    expect(bad.body.message).toContain('state must be one of the following values');
    expect(bad.body.message).toContain('limit must not be greater than 200');
    await request(app.getHttpServer())
      .get('/api/v1/pipelines/p_unknown')
      .set('Authorization', 'Bearer read-token')
      .expect(404);
  });
});
