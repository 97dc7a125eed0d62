import { Injectable, type NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = Symbol('bamboo.requestId');
// A caller-supplied id is echoed only when it is short and printable, so logs cannot be forged.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type RequestWithId = Request & { [REQUEST_ID]?: string };

export function requestIdOf(request: Request): string {
  return (request as RequestWithId)[REQUEST_ID] ?? '-';
}

/** Gives every request an id, echoed in `X-Request-Id` and used in error logs. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const incoming = request.header('x-request-id');
    const id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (request as RequestWithId)[REQUEST_ID] = id;
    response.setHeader('X-Request-Id', id);
    next();
  }
}
