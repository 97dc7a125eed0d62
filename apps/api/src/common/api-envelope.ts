/** The response envelope of every /api/v1 endpoint (spec 06 B.1 rule 2). */
export interface ApiErrorBody {
  code: string;
  type: string;
  detail: Record<string, unknown>;
}

export interface ApiEnvelope<T = unknown> {
  result: boolean;
  message: string;
  data: T | null;
  error: ApiErrorBody | null;
}

export function successEnvelope<T>(data: T): ApiEnvelope<T> {
  return { result: true, message: 'success', data: data === undefined ? null : data, error: null };
}

export function failureEnvelope(error: ApiErrorBody, message = 'fail'): ApiEnvelope<null> {
  return { result: false, message, data: null, error };
}
