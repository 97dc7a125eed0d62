import { EngineError } from '../errors/engine.error';

/**
 * A Python-level exception raised while evaluating a template (TypeError, KeyError, …). Never
 * escapes `renderTemplate`: the failing template is left literal.
 */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(`${pyType}: ${message}`);
    this.name = 'PyError';
  }
}

/** A resource limit (§10 rule 14) or a security rule (§10) refused the expression. */
export class ExpressionRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionRefusedError';
  }
}

/** A gateway condition failed to parse or evaluate (spec 04 §9). */
export class ConditionError extends EngineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CONDITION_ERROR', message, details);
  }
}

export const typeError = (message: string): PyError => new PyError('TypeError', message);
export const valueError = (message: string): PyError => new PyError('ValueError', message);
