/** Resource limits of spec 04 §10 rule 14; exceeding one leaves a template literal or fails a condition. */
export const EXPRESSION_LIMITS = {
  maxExpressionLength: 4096,
  maxAstDepth: 64,
  maxSteps: 100_000,
  maxProducedLength: 1_000_000,
  maxRangeLength: 100_000,
  maxPower: 2 ** 53,
  maxCallDepth: 64,
  timeLimitMs: 50,
} as const;

export interface ExpressionOptions {
  /** Evaluation step budget per template (default 100,000). */
  maxSteps?: number;
  /** Optional extra helper namespaces (§10 rule 11); members are plain functions. */
  modules?: Record<string, Record<string, (...args: unknown[]) => unknown>>;
  /** Optional monotonic clock in ms; when given, a template running longer than `timeLimitMs` is aborted. */
  now?: () => number;
  /** Wall-time budget per template when `now` is given (default 50 ms). */
  timeLimitMs?: number;
}
