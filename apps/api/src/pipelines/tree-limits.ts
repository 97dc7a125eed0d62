import { EngineError } from '@bamboo/engine';

/** Bounds on an untrusted tree, checked before the validator walks it. */
export interface TreeLimits {
  maxNodes: number;
  maxDepth: number;
  maxStringLength: number;
}

export const DEFAULT_TREE_LIMITS: TreeLimits = { maxNodes: 20_000, maxDepth: 64, maxStringLength: 65_536 };

function tooLarge(message: string, path: string): EngineError {
  return new EngineError('TREE_TOO_LARGE', message, { path });
}

/**
 * Walks the JSON iteratively (no recursion, so hostile nesting cannot overflow the stack) and counts
 * values, nesting and string sizes. Throws `TREE_TOO_LARGE` (413) naming the offending path.
 */
export function checkTreeLimits(tree: unknown, limits: TreeLimits = DEFAULT_TREE_LIMITS): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: tree, path: 'pipeline', depth: 0 }];
  let values = 0;
  // Every node is a handful of JSON values; this bounds the whole document, not just node count.
  const maxValues = limits.maxNodes * 64;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++values > maxValues) throw tooLarge(`pipeline has more than ${maxValues} JSON values`, path);
    if (depth > limits.maxDepth) throw tooLarge(`${path}: nested deeper than ${limits.maxDepth} levels`, path);
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        throw tooLarge(`${path}: string longer than ${limits.maxStringLength} characters`, path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.length > limits.maxStringLength)
          throw tooLarge(`${path}: key longer than ${limits.maxStringLength}`, path);
        stack.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  countNodes(tree as Record<string, unknown>, limits.maxNodes);
}

function countNodes(tree: Record<string, unknown>, maxNodes: number): void {
  let nodes = 0;
  const pending: unknown[] = [tree];
  while (pending.length > 0) {
    const level = pending.pop() as Record<string, unknown> | null;
    if (!level || typeof level !== 'object') continue;
    const activities = (level.activities ?? {}) as Record<string, { pipeline?: unknown }>;
    const gateways = (level.gateways ?? {}) as Record<string, unknown>;
    nodes += 2 + Object.keys(activities).length + Object.keys(gateways).length;
    if (nodes > maxNodes) throw tooLarge(`pipeline has more than ${maxNodes} nodes`, 'pipeline');
    for (const activity of Object.values(activities))
      if (activity && typeof activity === 'object') pending.push(activity.pipeline);
  }
}
