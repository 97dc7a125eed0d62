import { Injectable, type NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = Symbol('bamboo.requestId');
// A caller-supplied id is echoed only when it is short and printable, so logs cannot be forged.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type RequestWithId = IncomingMessage & { [REQUEST_ID]?: string };

export function requestIdOf(request: IncomingMessage): string {
  return (request as RequestWithId)[REQUEST_ID] ?? '-';
}

/**
 * The caller's id when it is safe to echo, else a new one; remembered on the request and set on
 * the answer. On Node's plain request and answer, for the callback fast path (no Express there).
 * A request that has its id keeps it: the API gives one before the body parser (whose refusals
 * answer before routing) and the routed middleware, which embedding apps rely on, asks again.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const assigned = (request as RequestWithId)[REQUEST_ID];
  if (assigned !== undefined) return assigned;
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as RequestWithId)[REQUEST_ID] = id;
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Gives every request an id, echoed in `X-Request-Id` and used in error logs. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    assignRequestId(request, response);
    next();
  }
}
