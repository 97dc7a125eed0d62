import type { DataObject } from '@bamboo/engine';
import { Component } from '../component.decorator';
import { InputItem, ObjectItemSchema, OutputItem, StringItemSchema } from '../items';
import { Service } from '../service';
import { toBoolean, toNumber } from './input-coercion';

const DEFAULT_TIMEOUT_SECONDS = 30;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface RequestPlan {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutSeconds: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Turns the inputs into a request, or a readable reason why they cannot be one. */
function plan(data: DataObject): RequestPlan | string {
  const method = String(data.getOneOfInputs('method', 'GET')).toUpperCase();
  if (!METHODS.includes(method)) return `unsupported method ${method}`;
  let url: URL;
  try {
    url = new URL(String(data.getOneOfInputs('url', '')));
  } catch {
    return `invalid url ${JSON.stringify(data.getOneOfInputs('url'))}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `unsupported url scheme ${url.protocol}`;
  const rawHeaders = data.getOneOfInputs<unknown>('headers', {}) ?? {};
  if (!isRecord(rawHeaders)) return 'headers must be an object';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) headers[name.toLowerCase()] = String(value);
  const rawBody = data.getOneOfInputs<unknown>('body', null);
  let body: string | undefined;
  if (rawBody !== null && rawBody !== undefined && rawBody !== '') {
    if (method === 'GET' || method === 'HEAD') return `a ${method} request cannot have a body`;
    // Objects are sent as JSON, the usual meaning of a structured body in a pipeline tree.
    body = typeof rawBody === 'string' ? rawBody : JSON.stringify(rawBody);
    if (typeof rawBody !== 'string' && !headers['content-type']) headers['content-type'] = 'application/json';
  }
  const timeoutSeconds = toNumber(data.getOneOfInputs('timeout', DEFAULT_TIMEOUT_SECONDS));
  if (timeoutSeconds === undefined || timeoutSeconds <= 0) return 'timeout must be a number of seconds > 0';
  return { method, url, headers, body, timeoutSeconds };
}

function parseJson(text: string, contentType: string | null): unknown {
  if (!contentType?.toLowerCase().includes('json')) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

// Duck-typed on purpose: errors raised by Node's fetch come from another realm under jest and in
// some hosts, where `instanceof Error` is false.
function asErrorLike(value: unknown): ErrorLike | undefined {
  return value !== null && typeof value === 'object' ? value : undefined;
}

function failureReason(error: unknown, request: RequestPlan): string {
  const target = `${request.method} ${request.url.href}`;
  const err = asErrorLike(error);
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return `request timed out after ${request.timeoutSeconds}s: ${target}`;
  }
  // undici reports "fetch failed" and keeps the socket error (ECONNREFUSED, ENOTFOUND…) as cause.
  const cause = asErrorLike(err?.cause);
  if (cause && typeof cause.message === 'string') {
    const label = [cause.code, cause.name].find((value): value is string => typeof value === 'string');
    return `request failed: ${target}: ${label ?? 'Error'}: ${cause.message}`;
  }
  const detail = err && typeof err.message === 'string' ? `${String(err.name)}: ${err.message}` : String(error);
  return `request failed: ${target}: ${detail}`;
}

/**
 * One HTTP request through Node's `fetch`. Fails with a readable `ex_data` on invalid inputs,
 * network errors, timeouts and non-2xx answers (unless `allow_non_2xx`); the response is in the
 * outputs in every case where one arrived.
 */
@Component({ code: 'bamboo_http_request', name: 'HTTP request', groupName: 'Bamboo' })
export class HttpRequestService extends Service {
  async execute(data: DataObject): Promise<boolean> {
    const request = plan(data);
    if (typeof request === 'string') {
      data.outputs.ex_data = request;
      return false;
    }
    let response: Response;
    let text: string;
    try {
      // One signal covers connecting and reading the body.
      const signal = AbortSignal.timeout(request.timeoutSeconds * 1000);
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: 'follow',
      });
      text = await response.text();
    } catch (error) {
      data.outputs.ex_data = failureReason(error, request);
      return false;
    }
    data.outputs.status = response.status;
    data.outputs.headers = Object.fromEntries(response.headers.entries());
    data.outputs.body = text;
    data.outputs.json = parseJson(text, response.headers.get('content-type'));
    if (!response.ok && !toBoolean(data.getOneOfInputs('allow_non_2xx'), false)) {
      data.outputs.ex_data = `HTTP ${response.status} ${response.statusText} from ${request.method} ${request.url.href}`;
      return false;
    }
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [
      new InputItem({
        name: 'method',
        key: 'method',
        type: 'string',
        required: false,
        schema: new StringItemSchema({ description: 'HTTP method, default GET', enum: METHODS }),
      }),
      new InputItem({ name: 'url', key: 'url', type: 'string', required: true }),
      new InputItem({ name: 'headers', key: 'headers', type: 'object', required: false }),
      new InputItem({
        name: 'body',
        key: 'body',
        type: 'string',
        required: false,
        schema: new StringItemSchema({ description: 'string sent as is; an object is sent as JSON' }),
      }),
      new InputItem({ name: 'timeout (seconds, default 30)', key: 'timeout', type: 'float', required: false }),
      new InputItem({ name: 'accept non-2xx status', key: 'allow_non_2xx', type: 'boolean', required: false }),
    ];
  }

  override outputsFormat(): OutputItem[] {
    return [
      new OutputItem({ name: 'status code', key: 'status', type: 'int' }),
      new OutputItem({
        name: 'response headers',
        key: 'headers',
        type: 'object',
        schema: new ObjectItemSchema({ description: 'lower-case header names', propertySchemas: {} }),
      }),
      new OutputItem({ name: 'response body', key: 'body', type: 'string' }),
      new OutputItem({ name: 'response body parsed as JSON (null unless JSON)', key: 'json', type: 'object' }),
    ];
  }
}
