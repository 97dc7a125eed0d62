import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { EngineError, LockContentionError } from '@bamboo/engine';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { type ApiEnvelope, type ApiErrorBody, failureEnvelope } from './api-envelope';
import { mapEngineErrorCode, mapHttpStatus } from './error-mapping';
import { requestIdOf } from './request-id.middleware';
import { writeJson } from './write-json';

interface MappedError {
  status: number;
  body: ApiErrorBody;
  message: string;
}

/** Errors thrown by body-parser before Nest sees the request carry `status` and `type`. */
interface BodyParserError {
  status: number;
  type: string;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return typeof candidate?.status === 'number' && typeof candidate.type === 'string';
}

function messageOfHttpException(exception: HttpException): { message: string; detail: Record<string, unknown> } {
  const response = exception.getResponse();
  if (typeof response === 'string') return { message: response, detail: {} };
  const body = response as { message?: unknown; detail?: Record<string, unknown> };
  const raw = body.message ?? exception.message;
  const messages = (Array.isArray(raw) ? raw : [raw]).map((item) =>
    typeof item === 'string' ? item : JSON.stringify(item),
  );
  return { message: messages.join('; '), detail: body.detail ?? (messages.length > 1 ? { errors: messages } : {}) };
}

export function mapException(exception: unknown): MappedError {
  if (exception instanceof EngineError) {
    const mapping = mapEngineErrorCode(exception.code);
    const detail = { engine_code: exception.code, ...(exception.details ?? {}) };
    return {
      status: mapping.status,
      message: exception.message,
      body: { code: mapping.code, type: exception.name, detail },
    };
  }
  if (exception instanceof LockContentionError) {
    const mapping = mapEngineErrorCode(exception.code);
    const detail = { engine_code: exception.code, attempts: exception.attempts };
    return {
      status: mapping.status,
      message: exception.message,
      body: { code: mapping.code, type: exception.name, detail },
    };
  }
  if (exception instanceof HttpException) {
    const mapping = mapHttpStatus(exception.getStatus());
    const { message, detail } = messageOfHttpException(exception);
    return { status: mapping.status, message, body: { code: mapping.code, type: exception.name, detail } };
  }
  if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
    const mapping = mapHttpStatus(exception.status);
    const message = exception.type === 'entity.too.large' ? 'request body too large' : `body: ${exception.message}`;
    return { status: mapping.status, message, body: { code: mapping.code, type: exception.type, detail: {} } };
  }
  return { status: 500, message: 'internal error', body: { code: 'INTERNAL', type: 'InternalError', detail: {} } };
}

const logger = new Logger('ApiExceptionFilter');

function errorAnswer(exception: unknown, request: IncomingMessage): { status: number; envelope: ApiEnvelope<null> } {
  const mapped = mapException(exception);
  if (mapped.status >= 500) {
    const trace = exception instanceof Error ? exception.stack : String(exception);
    logger.error(`request ${requestIdOf(request)} ${request.method} ${request.url} failed: ${trace}`);
  }
  return { status: mapped.status, envelope: failureEnvelope(mapped.body, mapped.message) };
}

/** The only way errors become HTTP answers (spec 06 B.1); traces go to the log, never out. */
export function answerError(exception: unknown, request: Request, response: Response): void {
  const { status, envelope } = errorAnswer(exception, request);
  response.status(status).json(envelope);
}

/** `answerError` on Node's plain answer, for the callback fast path (which runs before Express). */
export function answerErrorPlain(exception: unknown, request: IncomingMessage, response: ServerResponse): void {
  const { status, envelope } = errorAnswer(exception, request);
  writeJson(response, status, envelope);
}

/** Every error of a Nest route goes through `answerError`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerError(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}
