import { Inject, Injectable } from '@nestjs/common';
import { Engine } from '@bamboo/engine';
import { BAMBOO_METRICS, type BambooMetrics } from '@bamboo/runtime';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import { successEnvelope } from '../common/api-envelope';
import { answerError } from '../common/api-exception.filter';
import { API_TOKENS, type ApiTokens, scopeOf } from '../common/bearer-auth.guard';
import { ID_PATTERN } from '../common/id-param.pipe';
import { RequestIdMiddleware } from '../common/request-id.middleware';
import { isJsonObject } from '../common/validation.pipe';
import { CallbackDto, type CallbackResponseDto } from './dto/callback.dto';

const CALLBACK_PATH = /^\/api\/v1\/nodes\/([^/]+)\/callbacks$/;
/** The route label of `NodesController.callback` in `bamboo_http_request_duration_seconds`. */
const CALLBACK_ROUTE = '/api/v1/nodes/:node_id/callbacks';

/**
 * `POST /api/v1/nodes/{node_id}/callbacks` for the request that is certainly accepted by the
 * controller's guard, pipes and DTO (a full-scope or no token, a valid id, exactly `{version,
 * data}`), answered without Nest's router, guard, pipes and interceptor: on this 2-core machine
 * they cost about 0.25 ms of the ~0.6 ms the API spends on a callback request outside the engine,
 * and callbacks arrive by the thousand (issue #8). The answer is the controller's: 202 with the
 * envelope, or the error answer of every route (`answerError`), with the request id and the
 * request metric of the route. Every other request goes on to `NodesController.callback`.
 */
@Injectable()
export class CallbackFastPath {
  private readonly requestId = new RequestIdMiddleware();

  constructor(
    private readonly engine: Engine,
    @Inject(API_TOKENS) private readonly tokens: ApiTokens,
    @Inject(BAMBOO_METRICS) private readonly metrics: BambooMetrics,
  ) {}

  /** Express middleware, mounted after the JSON body parser (configureApiApp). */
  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    const nodeId = request.method === 'POST' ? CALLBACK_PATH.exec(request.path)?.[1] : undefined;
    const body: unknown = request.body;
    if (
      nodeId === undefined ||
      !ID_PATTERN.test(nodeId) ||
      !isJsonObject(body) ||
      !CallbackDto.isExactShape(body) ||
      scopeOf(request, this.tokens) !== 'full'
    ) {
      return next();
    }
    const started = performance.now();
    response.once('finish', () => {
      const labels = { method: 'POST', route: CALLBACK_ROUTE, status: response.statusCode };
      this.metrics.observe('bamboo_http_request_duration_seconds', (performance.now() - started) / 1000, labels);
    });
    this.requestId.use(request, response, () => undefined);
    const { version, data } = body as unknown as CallbackDto;
    this.engine.callback(nodeId, version, data).then(
      ({ callbackDataId }) => {
        const answer: CallbackResponseDto = { callback_data_id: callbackDataId };
        response.status(202).json(successEnvelope(answer));
      },
      (error: unknown) => answerError(error, request, response),
    );
  };
}
