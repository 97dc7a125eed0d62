import type { ApiErrorBody } from './types';

/** An API failure: the envelope's `error.code` and `message`, plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(status: number, message: string, error: ApiErrorBody | null): ApiError {
    return new ApiError(status, error?.code ?? `HTTP_${status}`, message || `HTTP ${status}`, error?.detail ?? {});
  }

  /** What the user reads: code first, so it can be quoted in a bug report. */
  describe(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}
