import { ApiError } from './api-error';
import type { Envelope } from './types';
import { readToken } from './token-store';

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** The login dialog subscribes here: any 401 from any call asks the user for a token. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function apiBase(): string {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="bamboo-api-base"]');
  return (meta?.getAttribute('content') ?? '/api/v1').replace(/\/$/, '');
}

export type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parseEnvelope<T>(response: Response): Promise<Envelope<T> | null> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as Envelope<T>;
  } catch {
    return null;
  }
}

/** One request against `/api/v1`: unwraps the envelope, throws ApiError with the server's code. */
export async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiBase() + withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', `cannot reach the API: ${error instanceof Error ? error.message : String(error)}`);
  }
  const envelope = await parseEnvelope<T>(response);
  if (response.status === 401) unauthorizedListeners.forEach((listener) => listener());
  if (!response.ok || !envelope || !envelope.result) {
    throw ApiError.fromBody(response.status, envelope?.message ?? response.statusText, envelope?.error ?? null);
  }
  return envelope.data;
}
