import { EXPRESSION_LIMITS, type ExpressionOptions } from './expression-limits';
import { ExpressionRefusedError } from './expression-errors';

/** Per-template resource accounting (spec 04 §10 rule 14). */
export class EvalBudget {
  private steps = 0;
  private callDepth = 0;
  private readonly maxSteps: number;
  private readonly startedAt: number | undefined;
  private readonly timeLimitMs: number;

  constructor(private readonly options: ExpressionOptions = {}) {
    this.maxSteps = options.maxSteps ?? EXPRESSION_LIMITS.maxSteps;
    this.timeLimitMs = options.timeLimitMs ?? EXPRESSION_LIMITS.timeLimitMs;
    this.startedAt = options.now?.();
  }

  step(count = 1): void {
    this.steps += count;
    if (this.steps > this.maxSteps) throw new ExpressionRefusedError('evaluation step limit exceeded');
    // Reading the clock on every step would dominate the cost; every 1024 steps is precise enough.
    if (this.startedAt !== undefined && (this.steps & 1023) === 0) this.checkTime();
  }

  private checkTime(): void {
    const now = this.options.now?.();
    if (now !== undefined && this.startedAt !== undefined && now - this.startedAt > this.timeLimitMs) {
      throw new ExpressionRefusedError('evaluation time limit exceeded');
    }
  }

  /** Refuses a string or list about to be produced with `length` characters/elements. */
  checkLength(length: number): void {
    if (!(length <= EXPRESSION_LIMITS.maxProducedLength)) {
      throw new ExpressionRefusedError('produced value exceeds the size limit');
    }
    // Producing a value costs in proportion to its size, so big values also consume the step budget.
    this.step(Math.floor(length / 64));
  }

  enterCall(): void {
    this.callDepth += 1;
    if (this.callDepth > EXPRESSION_LIMITS.maxCallDepth) throw new ExpressionRefusedError('call depth limit exceeded');
  }

  leaveCall(): void {
    this.callDepth -= 1;
  }
}
