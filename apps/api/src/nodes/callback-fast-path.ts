import { Inject, Injectable } from '@nestjs/common';
import { Engine } from '@bamboo/engine';
import { BAMBOO_METRICS, type BambooMetrics } from '@bamboo/runtime';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { successEnvelope } from '../common/api-envelope';
import { answerErrorPlain } from '../common/api-exception.filter';
import { API_TOKENS, type ApiTokens, scopeOf } from '../common/bearer-auth.guard';
import { ID_PATTERN } from '../common/id-param.pipe';
import { assignRequestId } from '../common/request-id.middleware';
import { tooDeepPath } from '../common/json-depth';
import { isJsonObject } from '../common/validation.pipe';
import { writeJson } from '../common/write-json';
import { CallbackDto, type CallbackResponseDto } from './dto/callback.dto';

const CALLBACK_URL = /^\/api\/v1\/nodes\/([^/?#]+)\/callbacks$/;
/** The route label of `NodesController.callback` in `bamboo_http_request_duration_seconds`. */
const CALLBACK_ROUTE = '/api/v1/nodes/:node_id/callbacks';
/** What body-parser decodes as plain UTF-8 JSON; any other type or charset goes through Express. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;
/**
 * Larger bodies go through Express, whose JSON parser applies the API's 8 MB limit (413): the
 * fast path buffers a body before it knows it can answer it, so it only takes small ones.
 */
const MAX_BODY_BYTES = 64 * 1024;

type Pass = () => void;

/**
 * `POST /api/v1/nodes/{node_id}/callbacks` for the request that is certainly accepted by the
 * controller's guard, pipes and DTO (a full-scope or no token, a valid id, plain UTF-8 JSON of
 * exactly `{version, data}`), answered on Node's request and response before Express sees it.
 * Callbacks arrive by the thousand (issue #8): with no workers running, Express's routing, its
 * JSON body parser and `res.json` were about 45 % of the API's CPU per callback. The answer is
 * the controller's: 202 with the envelope, or the error answer of every route, with the request
 * id and the request metric of the route. Every other request goes on to Express unchanged (a
 * body the fast path has read and then declined is put back on the request stream first).
 */
@Injectable()
export class CallbackFastPath {
  constructor(
    private readonly engine: Engine,
    @Inject(API_TOKENS) private readonly tokens: ApiTokens,
    @Inject(BAMBOO_METRICS) private readonly metrics: BambooMetrics,
  ) {}

  /** Puts the fast path in front of the server's other `request` listeners (Express). */
  install(server: Server): void {
    const others = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      this.handle(request, response, () => {
        for (const listener of others) listener.call(server, request, response);
      }),
    );
  }

  handle(request: IncomingMessage, response: ServerResponse, pass: Pass): void {
    const length = this.candidateLength(request);
    const nodeId = length === undefined ? undefined : CALLBACK_URL.exec(request.url ?? '')?.[1];
    if (length === undefined || nodeId === undefined || !ID_PATTERN.test(nodeId)) return pass();
    const chunks: Buffer[] = [];
    let received = 0;
    const onReadable = (): void => {
      for (let chunk = request.read() as Buffer | null; chunk !== null; chunk = request.read() as Buffer | null) {
        chunks.push(chunk);
        received += chunk.length;
      }
      // Node's parser stops a body at Content-Length: the body is whole once that much has come.
      if (received < length) return;
      request.off('readable', onReadable);
      const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
      const body = parseJson(raw);
      // A body the pipe would refuse (too deep) goes on to Express, whose pipe answers it.
      if (isJsonObject(body) && CallbackDto.isExactShape(body) && tooDeepPath(body) === undefined) {
        request.resume();
        return this.accept(nodeId, body as unknown as CallbackDto, request, response);
      }
      // Express reads the body again from the stream (its end has not been emitted yet).
      request.unshift(raw);
      pass();
    };
    request.on('readable', onReadable);
  }

  /** The body's length when the headers alone make the request one the fast path may take. */
  private candidateLength(request: IncomingMessage): number | undefined {
    const { headers } = request;
    if (request.method !== 'POST' || headers['transfer-encoding'] !== undefined) return undefined;
    if (headers['content-encoding'] !== undefined || !PLAIN_JSON.test(headers['content-type'] ?? '')) return undefined;
    const length = Number(headers['content-length']);
    if (!Number.isSafeInteger(length) || length < 1 || length > MAX_BODY_BYTES) return undefined;
    return scopeOf(request, this.tokens) === 'full' ? length : undefined;
  }

  private accept(nodeId: string, body: CallbackDto, request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    response.once('finish', () => {
      const labels = { method: 'POST', route: CALLBACK_ROUTE, status: response.statusCode };
      this.metrics.observe('bamboo_http_request_duration_seconds', (performance.now() - started) / 1000, labels);
    });
    assignRequestId(request, response);
    this.engine.callback(nodeId, body.version, body.data).then(
      ({ callbackDataId }) => {
        const answer: CallbackResponseDto = { callback_data_id: callbackDataId };
        writeJson(response, 202, successEnvelope(answer));
      },
      (error: unknown) => answerErrorPlain(error, request, response),
    );
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
