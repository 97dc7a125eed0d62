/**
 * How deep a request body may nest. Far above what any field needs (a pipeline tree is held to 64
 * levels by its own limits, `tree-limits.ts`) and far below what overflows the stack of the
 * recursive walks a body meets later (class-transformer, JSON.stringify when it is stored: about
 * 4,000 levels answered 500 before this check).
 */
export const MAX_BODY_DEPTH = 256;

interface Level {
  readonly value: object;
  readonly depth: number;
  readonly key: string;
  readonly parent: Level | undefined;
}

/**
 * The dotted path of the first value of `body` nested deeper than `limit` levels, or undefined.
 * Iterative, so a hostile body cannot overflow the stack here either; the path is only built for
 * the answer (every request body is walked).
 */
export function tooDeepPath(body: unknown, limit = MAX_BODY_DEPTH): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const stack: Level[] = [{ value: body, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const level = stack.pop()!;
    if (level.depth >= limit) return pathOf(level);
    const { value } = level;
    const depth = level.depth + 1;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (item !== null && typeof item === 'object')
          stack.push({ value: item, depth, key: String(index), parent: level });
      }
    } else {
      for (const key of Object.keys(value)) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth, key, parent: level });
      }
    }
  }
  return undefined;
}

/** The first levels of the path to `level`: enough to name the field, not hundreds of segments. */
function pathOf(level: Level): string {
  const keys: string[] = [];
  for (let at: Level | undefined = level; at?.parent; at = at.parent) keys.push(at.key);
  keys.reverse();
  const shown = keys.slice(0, 4).join('.');
  return keys.length > 4 ? `${shown}…` : shown || 'body';
}
