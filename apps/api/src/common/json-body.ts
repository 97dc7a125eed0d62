import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerErrorPlain } from './api-exception.filter';

/**
 * `application/json` and the JSON-based types named with the `+json` suffix (RFC 6839 §3.1:
 * `application/vnd.api+json`, `application/merge-patch+json`, …); parameters aside.
 */
const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9][a-z0-9!#$&^_.+-]*\+)?json$/i;
/** A media type is echoed in the refusal; a longer header is cut there. */
const ECHOED_TYPE_LENGTH = 100;

/** The media type of a Content-Type header, without its parameters; '' when there is none. */
export function mediaTypeOf(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
}

/** Whether a Content-Type header names JSON; the body parser and the 415 refusal both ask this. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return JSON_MEDIA_TYPE.test(mediaTypeOf(contentType));
}

/** A body is coming: a positive Content-Length, or a chunked (any transfer-encoded) one. */
export function hasRequestBody(request: IncomingMessage): boolean {
  const { headers } = request;
  if (headers['transfer-encoding'] !== undefined) return true;
  // Node's parser has refused a Content-Length that is not decimal digits.
  return Number(headers['content-length'] ?? 0) > 0;
}

/**
 * Express middleware in front of the JSON body parser: a request with a body that is not JSON
 * answers 415 in the error envelope, naming the type it was sent as, before a route or its
 * validation sees it (they would see no body and answer "pipeline must be an object"). Requests
 * without a body (GET, a command sent with Content-Length 0) pass whatever their Content-Type.
 * Mounted after the middleware that gives the request its id (configure-api-app.ts).
 */
export function refuseNonJsonBody(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!hasRequestBody(request) || isJsonContentType(request.headers['content-type'])) return next();
  const mediaType = mediaTypeOf(request.headers['content-type']).slice(0, ECHOED_TYPE_LENGTH);
  const message =
    mediaType === ''
      ? 'the request body has no Content-Type: send it as application/json'
      : `Content-Type ${mediaType} is not supported: send the request body as application/json`;
  answerErrorPlain(
    new UnsupportedMediaTypeException({ message, detail: { content_type: mediaType || null } }),
    request,
    response,
  );
}
