import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComponentRegistry, registerBuiltinComponents } from '@bamboo/component-framework';
import { outputsOf, stateNames, stateOf, TreeKit } from '../conformance';
import { plain } from '../conformance/tree-kit';
import { SignallingHarness } from './support/signalling-harness';

function builtins(): ComponentRegistry {
  const registry = new ComponentRegistry();
  registerBuiltinComponents(registry);
  return registry;
}

function oneNode(code: string, inputs: Record<string, unknown>) {
  const wrapped = Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, plain(value)]));
  const k = new TreeKit().start().act('a', code, wrapped).end().chain('start', 'a', 'end');
  return { k, tree: k.build(), nodeId: k.id('a') };
}

describe('built-in components inside pipelines', () => {
  it('bamboo_sleep_timer follows the engine fake clock', async () => {
    const h = new SignallingHarness({ catalog: builtins() });
    const { tree, nodeId } = oneNode('bamboo_sleep_timer', { seconds: 30 });
    const startedAt = h.clock.nowMs();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[nodeId]).toBe('RUNNING');
    expect((await outputsOf(h, nodeId)).due_at).toBe(new Date(startedAt + 30_000).toISOString());

    await h.advance(29);
    expect((await stateNames(h, tree.id))[nodeId]).toBe('RUNNING');
    await h.settle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect(h.clock.nowMs() - startedAt).toBe(30_000);
  });

  it('bamboo_sleep_timer really waits one second on a real engine clock', async () => {
    const h = new SignallingHarness({ catalog: builtins(), engineClock: { now: () => new Date() } });
    const { tree, nodeId } = oneNode('bamboo_sleep_timer', { seconds: 1 });
    await h.engine.runPipeline(tree);
    await h.runInRealTime();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    // The node finished only once real time had reached the due time execute computed.
    const dueAt = Date.parse(String((await outputsOf(h, nodeId)).due_at));
    const archived = Date.parse((await stateOf(h, tree.id, nodeId))!.archived_time!);
    expect(archived).toBeGreaterThanOrEqual(dueAt);
  });

  it('bamboo_wait_callback finishes with the data delivered through engine.callback', async () => {
    const h = new SignallingHarness({ catalog: builtins() });
    const { tree, nodeId } = oneNode('bamboo_wait_callback', {});
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[nodeId]).toBe('RUNNING');

    const version = (await stateOf(h, tree.id, nodeId))!.version;
    await h.engine.callback(nodeId, version, { result: true, approved_by: 'ops' });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect((await outputsOf(h, nodeId)).callback_data).toEqual({ result: true, approved_by: 'ops' });
  });

  it('bamboo_wait_callback fails the node when the callback reports failure', async () => {
    const h = new SignallingHarness({ catalog: builtins() });
    const { tree, nodeId } = oneNode('bamboo_wait_callback', {});
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const version = (await stateOf(h, tree.id, nodeId))!.version;
    await h.engine.callback(nodeId, version, { result: false, message: 'rejected by ops' });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[nodeId]).toBe('FAILED');
    expect((await outputsOf(h, nodeId)).ex_data).toBe('rejected by ops');
  });

  describe('bamboo_http_request against a local server', () => {
    let server: Server;
    let base: string;
    const received: Array<{ method?: string; url?: string; body: string }> = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          received.push({ method: req.method, url: req.url, body });
          const status = req.url === '/missing' ? 404 : 200;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ echoed: body === '' ? null : (JSON.parse(body) as unknown) }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('posts JSON and outputs the response', async () => {
      const h = new SignallingHarness({ catalog: builtins() });
      const { tree, nodeId } = oneNode('bamboo_http_request', {
        method: 'POST',
        url: `${base}/orders`,
        body: { sku: 'tea', quantity: 2 },
      });
      await h.engine.runPipeline(tree);
      await h.settle();
      expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
      expect(received.at(-1)).toEqual({ method: 'POST', url: '/orders', body: '{"sku":"tea","quantity":2}' });
      expect(await outputsOf(h, nodeId)).toMatchObject({
        status: 200,
        json: { echoed: { sku: 'tea', quantity: 2 } },
        _result: true,
      });
    });

    it('fails the node on an error status', async () => {
      const h = new SignallingHarness({ catalog: builtins() });
      const { tree, nodeId } = oneNode('bamboo_http_request', { url: `${base}/missing` });
      await h.engine.runPipeline(tree);
      await h.settle();
      expect((await stateNames(h, tree.id))[nodeId]).toBe('FAILED');
      expect(await outputsOf(h, nodeId)).toMatchObject({ status: 404, ex_data: expect.stringMatching(/^HTTP 404 /) });
    });
  });
});
