import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runComponent } from '@bamboo/component-framework/testing';
import { HttpRequestService } from './http-request.component';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

describe('bamboo_http_request', () => {
  let server: Server;
  let base: string;
  let handler: Handler;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends method, headers and a JSON body, and outputs status, headers and body on 2xx', async () => {
    handler = (req, body, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-seen-method': req.method ?? '' });
      res.end(
        JSON.stringify({
          body: JSON.parse(body) as unknown,
          auth: req.headers.authorization,
          type: req.headers['content-type'],
        }),
      );
    };
    const run = await runComponent(HttpRequestService, {
      inputs: { method: 'post', url: `${base}/items`, headers: { Authorization: 'Bearer t' }, body: { a: 1 } },
    });
    expect(run.state).toBe('FINISHED');
    expect(run.outputs).toMatchObject({
      status: 201,
      headers: { 'content-type': 'application/json', 'x-seen-method': 'POST' },
      json: { body: { a: 1 }, auth: 'Bearer t', type: 'application/json' },
    });
    expect(typeof run.outputs.body).toBe('string');
  });

  it('fails on non-2xx with a clear ex_data but keeps the response in the outputs', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such thing');
    };
    const run = await runComponent(HttpRequestService, { inputs: { url: `${base}/missing` } });
    expect(run.state).toBe('FAILED');
    expect(run.outputs).toMatchObject({
      status: 404,
      body: 'no such thing',
      json: null,
      ex_data: `HTTP 404 Not Found from GET ${base}/missing`,
    });
  });

  it('accepts non-2xx when allow_non_2xx is set', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(503);
      res.end('busy');
    };
    const run = await runComponent(HttpRequestService, { inputs: { url: `${base}/`, allow_non_2xx: 'true' } });
    expect(run.state).toBe('FINISHED');
    expect(run.outputs).toMatchObject({ status: 503, body: 'busy' });
    expect(run.outputs.ex_data).toBeUndefined();
  });

  it('fails with the network error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runComponent(HttpRequestService, { inputs: { url: `http://127.0.0.1:${port}/` } });
    expect(run.state).toBe('FAILED');
    expect(run.outputs.ex_data).toBe(
      `request failed: GET http://127.0.0.1:${port}/: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('fails with a timeout message when the server is too slow', async () => {
    handler = (_req, _body, res) => {
      setTimeout(() => res.end('late'), 2_000).unref();
    };
    const run = await runComponent(HttpRequestService, { inputs: { url: `${base}/slow`, timeout: 0.2 } });
    expect(run.state).toBe('FAILED');
    expect(run.outputs.ex_data).toBe(`request timed out after 0.2s: GET ${base}/slow`);
  });

  it.each([
    [{ url: 'not a url' }, 'invalid url "not a url"'],
    [{ url: 'ftp://x/' }, 'unsupported url scheme ftp:'],
    [{ url: 'http://x/', method: 'BREW' }, 'unsupported method BREW'],
    [{ url: 'http://x/', body: 'b' }, 'a GET request cannot have a body'],
    [{ url: 'http://x/', headers: 'h' }, 'headers must be an object'],
    [{ url: 'http://x/', timeout: 0 }, 'timeout must be a number of seconds > 0'],
  ])('rejects invalid inputs %j', async (inputs, message) => {
    const run = await runComponent(HttpRequestService, { inputs });
    expect(run).toMatchObject({ state: 'FAILED', outputs: { ex_data: message } });
  });
});
