import { ApiClient } from './api-client';
import {
  callbackTree,
  echoThenFailTree,
  echoTree,
  failingTree,
  unmatchedConditionalTree,
  unmatchedExclusiveTree,
} from './e2e-trees';
import type { RealApi, RealApiFactory } from './real-api';

/**
 * Every endpoint of the REST API over a real runtime: the happy path and each documented error
 * status. The same scenarios run embedded (SQLite + in-process queue, unit run) and distributed
 * (MySQL + Bull, integration run).
 */
export function describeApiE2e(name: string, factory: RealApiFactory): void {
  describe(`REST API e2e: ${name}`, () => {
    jest.setTimeout(60_000);
    let api: RealApi;
    let client: ApiClient;

    beforeAll(async () => {
      api = await factory({ PIPELINE_ENABLE_ROLLBACK: 'true' });
      client = new ApiClient(api.app);
    });

    afterAll(async () => {
      await api.close();
    });

    it('runs a pipeline to FINISHED and serves every read of it', async () => {
      const { tree, ids } = echoTree('nightly report');
      const rootId = await client.run(tree, { root_pipeline_data: { executor: 'alice' } });
      await client.waitForState(rootId, rootId, 'FINISHED');

      const list = await client.get('/pipelines?name=nightly&state=FINISHED');
      expect(list.data.items.map((item: { pipeline_id: string }) => item.pipeline_id)).toContain(rootId);
      expect((await client.get('/pipelines?name=nightly&limit=1')).data.items).toHaveLength(1);
      for (const limit of ['0x10', '1e1', '%2012', '%2B5', '0b1', '1.0', '010', '']) {
        const answer = await client.get(`/pipelines?limit=${limit}`, 400);
        expect([limit, answer.error?.code]).toEqual([limit, 'VALIDATION_FAILED']);
        expect(answer.message).toContain('limit must be an integer number');
      }
      const detail = await client.get(`/pipelines/${rootId}`);
      expect(detail.data).toMatchObject({
        pipeline_id: rootId,
        name: 'nightly report',
        state: 'FINISHED',
        failed_node_count: 0,
      });
      expect(detail.data.tree.activities[ids.echo].component.code).toBe('e2e_echo');

      expect((await client.get(`/nodes/${ids.echo}/state`)).data).toMatchObject({
        id: ids.echo,
        state: 'FINISHED',
        loop: 1,
      });
      expect((await client.get(`/nodes/${ids.echo}/execution-data`)).data.outputs).toMatchObject({
        message: 'hello',
        _result: true,
      });
      expect((await client.get(`/nodes/${ids.echo}/execution-data/inputs`)).data).toMatchObject({
        message: 'hello',
        _loop: 1,
      });
      expect((await client.get(`/nodes/${ids.echo}/execution-data/outputs`)).data.message).toBe('hello');
      expect((await client.get(`/nodes/${ids.echo}/data`)).data.inputs.message).toEqual({
        need_render: false,
        value: 'hello',
      });
      expect((await client.get(`/nodes/${ids.echo}/logs`)).data.log).toContain('echoed');
      expect((await client.get(`/nodes/${ids.echo}/histories`)).data).toEqual([]);
      expect((await client.get(`/nodes/${ids.echo}/histories?loop=abc`, 400)).message).toBe('loop must be an integer');
      expect((await client.get(`/nodes/${ids.echo}/execution-time`)).data.state).toBe('FINISHED');
      expect((await client.get(`/nodes/${ids.echo}/debug`)).data.state).toBeTruthy();
      expect(Object.keys((await client.get(`/nodes/${rootId}/children-states`)).data[rootId].children)).toContain(
        ids.echo,
      );
      expect((await client.get(`/pipelines/${rootId}/execution-time`)).data.execution_time).toBeGreaterThanOrEqual(0);
      expect((await client.get(`/pipelines/${rootId}/debug`)).data.processes.length).toBeGreaterThan(0);
    });

    it('answers unknown ids with 404 and malformed ids with 400', async () => {
      expect((await client.get('/pipelines/p_missing/states', 404)).error?.code).toBe('NOT_FOUND');
      expect((await client.get('/pipelines/p_missing', 404)).error?.code).toBe('NOT_FOUND');
      expect((await client.get('/nodes/e_missing/state', 404)).error?.code).toBe('NOT_FOUND');
      expect((await client.get('/nodes/e_missing/execution-data', 404)).error?.code).toBe('NOT_FOUND');
      expect((await client.post('/nodes/e_missing/retry', {}, 404)).error?.code).toBe('NOT_FOUND');
      expect((await client.get('/nodes/bad%20id/state', 400)).message).toContain('node_id');
      // The reads that answer {} for a node without state or data answer 404 for an unknown id.
      const reads = ['children-states', 'execution-data', 'execution-data/inputs', 'execution-data/outputs'];
      for (const read of [...reads, 'histories', 'histories?view=short', 'logs', 'logs?history_id=7']) {
        const answer = await client.get(`/nodes/e_missing/${read}`, 404);
        expect([read, answer.message, answer.error]).toEqual([
          read,
          'node(e_missing) does not exist',
          { code: 'NOT_FOUND', type: 'NotFoundError', detail: { engine_code: 'NOT_FOUND', node_id: 'e_missing' } },
        ]);
      }
    });

    it('retries a failed node with new inputs, keeps a history, and refuses a second retry (409)', async () => {
      const { tree, ids } = failingTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.failing, 'FAILED');
      expect((await client.get(`/nodes/${ids.failing}/execution-data/outputs`)).data.ex_data).toBe(
        'input ok is not true',
      );
      // Nodes of the run not reached yet (an activity, the end event): {} as spec 06 A.16 and A.17
      // say; get_execution_data fails for missing data (A.17), naming the data, not the node.
      for (const notReached of [ids.after, tree.end_event.id]) {
        expect((await client.get(`/nodes/${notReached}/children-states`)).data).toEqual({});
        expect((await client.get(`/nodes/${notReached}/execution-data/inputs`)).data).toEqual({});
        expect((await client.get(`/nodes/${notReached}/execution-data/outputs`)).data).toEqual({});
        expect((await client.get(`/nodes/${notReached}/histories`)).data).toEqual([]);
        expect((await client.get(`/nodes/${notReached}/logs`)).data).toEqual({ log: '' });
        expect((await client.get(`/nodes/${notReached}/execution-data`, 404)).message).toBe(
          `execution data of node(${notReached}) does not exist`,
        );
      }
      expect(
        (await client.get(`/pipelines?state=RUNNING&limit=200`)).data.items.find((i: any) => i.pipeline_id === rootId)
          .failed_node_count,
      ).toBe(1);

      await client.post(`/nodes/${ids.failing}/retry`, { inputs: { ok: true } });
      const states = await client.waitForState(rootId, rootId, 'FINISHED');
      expect(states[ids.failing]).toMatchObject({ state: 'FINISHED', retry: 1 });
      const histories = await client.get(`/nodes/${ids.failing}/histories`);
      expect(histories.data).toHaveLength(1);
      expect(histories.data[0].outputs.ex_data).toBe('input ok is not true');
      const short = await client.get(`/nodes/${ids.failing}/histories?view=short`);
      expect(short.data[0]).not.toHaveProperty('inputs');
      // The history is of loop 1; other spellings Number() reads as 1 (or as 0: '') are refused.
      expect((await client.get(`/nodes/${ids.failing}/histories?loop=1`)).data).toHaveLength(1);
      for (const loop of ['0x1', '0b1', '1e0', '1.0', '01', '%2B1', '%201', '1%20', '', '-0', '1&loop=1']) {
        const answer = await client.get(`/nodes/${ids.failing}/histories?loop=${loop}`, 400);
        expect([loop, answer.message]).toEqual([loop, 'loop must be an integer']);
      }
      expect((await client.get(`/nodes/${ids.failing}/histories?loop=-1`)).data).toHaveLength(1);
      expect((await client.get(`/nodes/${ids.failing}/histories?view=full`)).data[0]).toHaveProperty('inputs');
      expect((await client.get(`/nodes/${ids.failing}/histories?view=brief`, 400)).message).toBe(
        "view must be 'full' or 'short'",
      );
      // Logs of one attempt: the current one by default, a former one by its history id, and
      // nothing (not the current attempt's lines) for a history id the node does not have.
      const logOf = async (query: string) => (await client.get(`/nodes/${ids.failing}/logs${query}`)).data.log;
      expect(await logOf('')).toBe('checked ok=true');
      expect(await logOf(`?history_id=${histories.data[0].id}`)).toMatch(/^checked ok=(?!true)/);
      expect(await logOf('?history_id=-1')).toBe('checked ok=true');
      expect(await logOf('?history_id=999999')).toBe('');
      expect((await client.post(`/nodes/${ids.failing}/retry`, {}, 409)).error?.code).toBe('INVALID_OPERATION');
    });

    it('skips a failed node after fixing its outputs, and validates command bodies (400)', async () => {
      const { tree, ids } = failingTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.failing, 'FAILED');
      await client.patch(`/nodes/${ids.failing}/execution-data/outputs`, {
        root_pipeline_id: rootId,
        context_values: { '${seen}': 'patched' },
      });
      expect((await client.get(`/nodes/${ids.failing}/execution-data/outputs`)).data.seen).toBe('patched');
      expect((await client.post(`/nodes/${ids.failing}/skip`, { loop_skip: 'yes' }, 400)).message).toContain(
        'loop_skip must be a boolean',
      );
      await client.post(`/nodes/${ids.failing}/skip`, {});
      const states = await client.waitForState(rootId, rootId, 'FINISHED');
      expect(states[ids.failing]).toMatchObject({ state: 'FINISHED', skip: true });
      expect(states[ids.after]!.state).toBe('FINISHED');
    });

    it('skips an exclusive gateway that matched no branch by choosing the flow', async () => {
      const { tree, ids } = unmatchedExclusiveTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.gateway, 'FAILED');
      expect((await client.post(`/nodes/${ids.gateway}/skip-exclusive-gateway`, {}, 400)).message).toContain('flow_id');
      await client.post(`/nodes/${ids.gateway}/skip-exclusive-gateway`, { flow_id: ids.toLeft });
      const states = await client.waitForState(rootId, rootId, 'FINISHED');
      expect(states[ids.left]!.state).toBe('FINISHED');
      expect(states[ids.right]).toBeUndefined();
    });

    it('skips a conditional parallel gateway by choosing branches', async () => {
      const { tree, ids } = unmatchedConditionalTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.gateway, 'FAILED');
      const empty = await client.post(
        `/nodes/${ids.gateway}/skip-conditional-parallel-gateway`,
        { flow_ids: [], converge_gateway_id: ids.converge },
        400,
      );
      expect(empty.message).toContain('flow_ids must name at least one flow');
      await client.post(`/nodes/${ids.gateway}/skip-conditional-parallel-gateway`, {
        flow_ids: [ids.toLeft, ids.toRight],
        converge_gateway_id: ids.converge,
      });
      const states = await client.waitForState(rootId, rootId, 'FINISHED');
      expect(states[ids.left]!.state).toBe('FINISHED');
      expect(states[ids.right]!.state).toBe('FINISHED');
    });

    it('delivers a callback to a waiting node, refusing stale versions (409) and unknown nodes (404)', async () => {
      const { tree, ids } = callbackTree();
      const rootId = await client.run(tree);
      const waiting = await client.waitForState(rootId, ids.wait, 'RUNNING');
      const version = waiting[ids.wait]!.version;
      await client.waitFor(rootId, () => true, 'settle');
      expect((await client.post(`/nodes/${ids.wait}/callbacks`, { version, data: 'nope' }, 400)).message).toContain(
        'data must be an object',
      );
      expect((await client.post(`/nodes/e_missing/callbacks`, { version, data: {} }, 404)).error?.code).toBe(
        'NOT_FOUND',
      );
      let accepted = false;
      for (let attempt = 0; attempt < 100 && !accepted; attempt++) {
        const response = await client.http
          .post(`/api/v1/nodes/${ids.wait}/callbacks`)
          .send({ version, data: { approved: true } });
        accepted = response.status === 202;
        if (accepted) expect(response.body.data.callback_data_id).toBeTruthy();
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(accepted).toBe(true);
      await client.waitForState(rootId, rootId, 'FINISHED');
      expect((await client.get(`/nodes/${ids.wait}/execution-data/outputs`)).data.callback_data).toEqual({
        approved: true,
      });
      expect((await client.post(`/nodes/${ids.wait}/callbacks`, { version, data: {} }, 409)).error?.code).toBe(
        'INVALID_OPERATION',
      );
    });

    it('pauses, resumes and revokes a pipeline, answering repeats with {already: true}', async () => {
      const { tree, ids } = callbackTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.wait, 'RUNNING');
      expect((await client.post(`/pipelines/${rootId}/pause`, undefined)).data).toBeNull();
      expect((await client.post(`/pipelines/${rootId}/pause`, undefined, 200)).data).toEqual({ already: true });
      expect((await client.get(`/pipelines/${rootId}/states`)).data[rootId].state).toBe('SUSPENDED');
      expect((await client.post(`/pipelines/${rootId}/resume`, undefined)).data).toBeNull();
      expect((await client.post(`/pipelines/${rootId}/resume`, undefined, 200)).data).toEqual({ already: true });
      expect((await client.post(`/pipelines/${rootId}/revoke`, undefined)).data).toBeNull();
      expect((await client.post(`/pipelines/${rootId}/revoke`, undefined, 200)).data).toEqual({ already: true });
      expect((await client.post(`/pipelines/${rootId}/pause`, undefined, 409)).error?.code).toBe('INVALID_OPERATION');
    });

    it('books a pause on a node not reached yet, then cancels it', async () => {
      const { tree, ids } = callbackTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.wait, 'RUNNING');
      await client.post(`/nodes/${ids.after}/pause`, undefined);
      expect((await client.get(`/nodes/${ids.after}/state`)).data.state).toBe('SUSPENDED');
      expect((await client.post(`/nodes/${ids.after}/pause`, undefined, 200)).data).toEqual({ already: true });
      await client.post(`/nodes/${ids.after}/resume`, undefined);
      expect((await client.get(`/nodes/${ids.after}/state`)).data.state).toBe('READY');
      await client.post(`/pipelines/${rootId}/revoke`, undefined);
    });

    it('force-fails a running node and refuses a second forced fail (409)', async () => {
      const { tree, ids } = callbackTree();
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.wait, 'RUNNING');
      expect((await client.post(`/nodes/${ids.wait}/forced-fail`, {}, 400)).message).toContain(
        'ex_data must be a string',
      );
      await client.post(`/nodes/${ids.wait}/forced-fail`, { ex_data: 'stopped by alice' });
      expect((await client.get(`/nodes/${ids.wait}/state`)).data.state).toBe('FAILED');
      const outputs = (await client.get(`/nodes/${ids.wait}/execution-data/outputs`)).data;
      expect(outputs).toMatchObject({ ex_data: 'stopped by alice', _forced_failed: true });
      expect((await client.post(`/nodes/${ids.wait}/forced-fail`, { ex_data: 'again' }, 409)).error?.code).toBe(
        'INVALID_OPERATION',
      );
      await client.post(`/pipelines/${rootId}/revoke`, undefined);
    });

    it('keeps JSON null as a context value, given at submission or by an operator', async () => {
      const valueOf = async (rootId: string, key: string): Promise<unknown> =>
        (await client.get(`/pipelines/${rootId}/debug`)).data.context_values.find((v: { key: string }) => v.key === key)
          .value;
      const { tree } = echoTree();
      tree.data.inputs['${nothing}'] = { type: 'plain', value: null };
      const finished = await client.run(tree);
      await client.waitForState(finished, finished, 'FINISHED');
      expect(await valueOf(finished, '${nothing}')).toBeNull();

      const { tree: failing, ids } = failingTree();
      failing.data.inputs['${threshold}'] = { type: 'plain', value: 1 };
      const failed = await client.run(failing);
      await client.waitForState(failed, ids.failing, 'FAILED');
      await client.patch(`/pipelines/${failed}/context`, {
        context_values: [{ key: '${threshold}', type: 'plain', value: null }],
      });
      expect(await valueOf(failed, '${threshold}')).toBeNull();
      const unknown = await client.patch(
        '/pipelines/p_no_such_pipeline/context',
        { context_values: [{ key: '${threshold}', type: 'plain', value: 1 }] },
        404,
      );
      expect(unknown.message).toBe('pipeline(p_no_such_pipeline) does not exist');
      const nested = await client.patch(`/pipelines/${failed}/context`, { context_values: [[]] }, 400);
      expect(nested.message).toContain('each item of context_values must be an object');
      const missing = await client.patch(
        `/pipelines/${failed}/context`,
        { context_values: [{ key: '${threshold}', type: 'plain' }] },
        400,
      );
      expect(missing.message).toContain('context_values.0.value should not be null or undefined');
      await client.post(`/pipelines/${failed}/revoke`, undefined);
    });

    it('updates context values and previews node inputs', async () => {
      const { tree, ids } = failingTree();
      tree.data.inputs['${threshold}'] = { type: 'plain', value: 1 };
      const rootId = await client.run(tree);
      await client.waitForState(rootId, ids.failing, 'FAILED');
      await client.patch(`/pipelines/${rootId}/context`, {
        context_values: [{ key: '${threshold}', type: 'plain', value: 5 }],
      });
      const debug = await client.get(`/pipelines/${rootId}/debug`);
      expect(debug.data.context_values.find((v: { key: string }) => v.key === '${threshold}').value).toBe(5);
      expect(
        (
          await client.patch(
            `/pipelines/${rootId}/context`,
            { context_values: [{ key: 'threshold', type: 'plain', value: 1 }] },
            400,
          )
        ).message,
      ).toContain('key must look like');

      const { tree: echo, ids: echoIds } = echoTree();
      const rendered = await client.post(
        '/pipeline-trees/preview-node-inputs',
        { pipeline: echo, node_id: echoIds.echo },
        200,
      );
      expect(rendered.data).toMatchObject({ message: 'hello' });
      await client.post(`/pipelines/${rootId}/revoke`, undefined);
    });

    it('refuses trees that fail validation (422), repeated ids (409) and bad options (400)', async () => {
      const { tree } = echoTree();
      tree.flows = {};
      expect((await client.post('/pipelines', { pipeline: tree }, 422)).error?.code).toBe('PIPELINE_INVALID');
      const ok = echoTree().tree;
      await client.run(ok);
      expect((await client.post('/pipelines', { pipeline: ok }, 409)).error?.code).toBe('INVALID_OPERATION');
      const bad = await client.post(
        '/pipelines',
        { pipeline: echoTree().tree, options: { priority: -1 }, extra: 1 },
        400,
      );
      expect(bad.message).toContain('options.priority must not be less than 0');
      expect(bad.message).toContain('property extra should not exist');
      const start = await client.post(
        '/pipelines',
        { pipeline: echoTree().tree, options: { start_node_id: 'e_not_there' } },
        422,
      );
      expect(start.error?.code).toBe('START_POSITION_INVALID');
      const { tree: unregistered, ids } = echoTree();
      (unregistered.activities[ids.echo] as { component: { code: string } }).component.code = 'no_such_component';
      const refused = await client.post('/pipelines', { pipeline: unregistered }, 422);
      expect(refused.error).toMatchObject({ code: 'PIPELINE_INVALID', detail: { engine_code: 'UNKNOWN_COMPONENT' } });
      expect(refused.message).toBe('component no_such_component (version legacy) is not registered');
      expect((await client.get(`/pipelines/${unregistered.id}`, 404)).error?.code).toBe('NOT_FOUND');
    });

    it('rolls a failed pipeline back to an earlier node (ANY mode) and lists allowed targets', async () => {
      const { tree, ids } = echoThenFailTree();
      const rootId = await client.run(tree);
      const before = await client.waitForState(rootId, ids.failing, 'FAILED');
      const targets = await client.get(
        `/pipelines/${rootId}/rollback-targets?start_node_id=${ids.failing}&mode=ANY&skip_check_token=true`,
      );
      expect(targets.data).toContain(ids.echo);
      const bad = await client.post(
        `/pipelines/${rootId}/rollbacks`,
        { start_node_id: ids.failing, target_node_id: ids.echo, mode: 'SIDEWAYS' },
        400,
      );
      expect(bad.message).toContain('mode must be one of the following values');
      await client.post(`/pipelines/${rootId}/rollbacks`, {
        start_node_id: ids.failing,
        target_node_id: ids.echo,
        mode: 'ANY',
        skip_check_token: true,
      });
      // The run restarts at the target: the echo runs again (a new attempt), then the failing node fails again.
      const states = await client.waitFor(
        rootId,
        (s) =>
          s[ids.echo]?.version !== before[ids.echo]!.version &&
          s[ids.failing]?.state === 'FAILED' &&
          s[ids.failing]?.version !== before[ids.failing]!.version,
        'the echo re-run after the rollback',
      );
      expect(states[ids.echo]!.state).toBe('FINISHED');
      expect(states[rootId]!.state).toBe('RUNNING');
      const refused = await client.post(
        `/pipelines/${rootId}/rollbacks`,
        { start_node_id: ids.echo, target_node_id: ids.failing, mode: 'ANY', skip_check_token: true },
        409,
      );
      expect(refused.error?.code).toBe('INVALID_OPERATION');
      await client.post(`/pipelines/${rootId}/revoke`, undefined);
    });

    it('parses application/*+json bodies and answers a body of any other type (or of none) with 415', async () => {
      const { tree } = echoTree('json api client');
      const run = await client.http
        .post('/api/v1/pipelines')
        .set('Content-Type', 'application/vnd.api+json')
        .send(JSON.stringify({ pipeline: tree }))
        .expect(202);
      expect(run.body.data.pipeline_id).toBe(tree.id);
      await client.waitForState(tree.id, tree.id, 'FINISHED');
      const starts = await client.http
        .post('/api/v1/pipeline-trees/allowed-start-nodes')
        .set('Content-Type', 'application/merge-patch+json; charset=utf-8')
        .send(JSON.stringify({ pipeline: echoTree().tree }))
        .expect(200);
      expect(starts.body.data.length).toBeGreaterThan(0);

      // Refused before validation: the body would have been taken as missing ('pipeline must be an object').
      const refused = echoTree('never run').tree;
      const text = JSON.stringify({ pipeline: refused });
      const refusal = (type: string | null) => ({
        result: false,
        message:
          type === null
            ? 'the request body has no Content-Type: send it as application/json'
            : `Content-Type ${type} is not supported: send the request body as application/json`,
        data: null,
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          type: 'UnsupportedMediaTypeException',
          detail: { content_type: type },
        },
      });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/json']) {
        const answer = await client.http
          .post('/api/v1/pipelines')
          .set('Content-Type', `${type}; charset=utf-8`)
          .send(text);
        expect([type, answer.status, answer.body]).toEqual([type, 415, refusal(type)]);
        expect(answer.headers['x-request-id']).toBeTruthy();
      }
      const untyped = await client.http.post('/api/v1/pipelines').send(Buffer.from(text));
      expect([untyped.status, untyped.body]).toEqual([415, refusal(null)]);
      const chunked = client.http.post('/api/v1/nodes/e_missing/retry').set('Content-Type', 'text/plain');
      chunked.write('{"inputs":');
      chunked.write('{}}');
      const chunkedAnswer = await chunked;
      expect([chunkedAnswer.status, chunkedAnswer.body]).toEqual([415, refusal('text/plain')]);
      expect((await client.get(`/pipelines/${refused.id}/states`, 404)).error?.code).toBe('NOT_FOUND');

      // Without a body the type does not matter: the command is answered for what it is.
      const bodiless = await client.http
        .post('/api/v1/nodes/e_missing/retry-subprocess')
        .set('Content-Type', 'text/plain');
      expect([bodiless.status, bodiless.body.error.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('serves health and the OpenAPI document', async () => {
      expect((await client.http.get('/health').expect(200)).body.status).toBe('ok');
      const docs = await client.http.get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/pipelines', '/api/v1/nodes/{node_id}/retry']),
      );
    });
  });
}
