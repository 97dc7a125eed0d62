/**
 * The one table that turns a library error code into an HTTP answer (spec 06 B.1). Libraries throw
 * `EngineError`s with stable codes; nothing else in the code base knows about HTTP statuses.
 */
export interface HttpErrorMapping {
  status: number;
  code: string;
}

const BY_ENGINE_CODE: Record<string, HttpErrorMapping> = {
  VALIDATION_FAILED: { status: 400, code: 'VALIDATION_FAILED' },
  NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  COMPONENT_NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  INVALID_OPERATION: { status: 409, code: 'INVALID_OPERATION' },
  ILLEGAL_TRANSITION: { status: 409, code: 'INVALID_OPERATION' },
  VERSION_CONFLICT: { status: 409, code: 'VERSION_CONFLICT' },
  STATE_VERSION_NOT_MATCH: { status: 409, code: 'VERSION_CONFLICT' },
  // Like a lost compare-and-set: concurrent writers won, nothing was applied, sending it again is safe.
  LOCK_CONTENTION: { status: 409, code: 'VERSION_CONFLICT' },
  PIPELINE_INVALID: { status: 422, code: 'PIPELINE_INVALID' },
  START_POSITION_INVALID: { status: 422, code: 'START_POSITION_INVALID' },
  DUPLICATE_CONTEXT_KEY: { status: 422, code: 'PIPELINE_INVALID' },
  LAZY_KEY_TOO_LONG: { status: 422, code: 'PIPELINE_INVALID' },
  UNKNOWN_COMPONENT: { status: 422, code: 'PIPELINE_INVALID' },
  UNKNOWN_END_EVENT: { status: 422, code: 'PIPELINE_INVALID' },
  UNKNOWN_VARIABLE_TYPE: { status: 422, code: 'PIPELINE_INVALID' },
  TREE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  DISPATCH_FAILED: { status: 503, code: 'DISPATCH_FAILED' },
};

const INTERNAL: HttpErrorMapping = { status: 500, code: 'INTERNAL' };

/** Tree-shape errors (`TREE_*`, spec 05) are all a 422 `PIPELINE_INVALID`. */
export function mapEngineErrorCode(engineCode: string): HttpErrorMapping {
  const direct = BY_ENGINE_CODE[engineCode];
  if (direct) return direct;
  if (engineCode.startsWith('TREE_')) return BY_ENGINE_CODE.PIPELINE_INVALID!;
  return INTERNAL;
}

/** Codes used for errors raised by the HTTP layer itself. */
export function mapHttpStatus(status: number): HttpErrorMapping {
  switch (status) {
    case 400:
      return { status, code: 'VALIDATION_FAILED' };
    case 401:
      return { status, code: 'UNAUTHENTICATED' };
    case 403:
      return { status, code: 'FORBIDDEN' };
    case 404:
      return { status, code: 'NOT_FOUND' };
    case 405:
      return { status, code: 'METHOD_NOT_ALLOWED' };
    case 409:
      return { status, code: 'INVALID_OPERATION' };
    case 413:
      return { status, code: 'PAYLOAD_TOO_LARGE' };
    case 415:
      return { status, code: 'UNSUPPORTED_MEDIA_TYPE' };
    case 422:
      return { status, code: 'PIPELINE_INVALID' };
    case 429:
      return { status, code: 'TOO_MANY_REQUESTS' };
    case 503:
      return { status, code: 'SERVICE_UNAVAILABLE' };
    default:
      return status >= 400 && status < 500 ? { status, code: 'BAD_REQUEST' } : INTERNAL;
  }
}
