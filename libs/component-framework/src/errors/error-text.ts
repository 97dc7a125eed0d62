/**
 * Message and stack of a thrown value. Duck-typed because errors thrown by Node internals (fetch,
 * native require) come from another realm under jest, where `instanceof Error` is false.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function errorStack(error: unknown): string {
  const candidate = error as { stack?: unknown; name?: unknown } | null;
  if (candidate && typeof candidate === 'object' && typeof candidate.stack === 'string') return candidate.stack;
  if (candidate && typeof candidate === 'object')
    return `${typeof candidate.name === 'string' ? candidate.name : 'Error'}: ${errorMessage(error)}`;
  return String(error);
}
