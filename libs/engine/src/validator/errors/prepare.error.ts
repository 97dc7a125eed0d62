import { EngineError } from '../../errors/engine.error';

/** Codes of the preparation checks of spec 05 §8. */
export const PREPARE_ERROR_CODES = [
  'LAZY_KEY_TOO_LONG',
  'DUPLICATE_CONTEXT_KEY',
  'UNKNOWN_COMPONENT',
  'UNKNOWN_VARIABLE_TYPE',
  'UNKNOWN_END_EVENT',
] as const;

export type PrepareErrorCode = (typeof PREPARE_ERROR_CODES)[number];

/**
 * The tree is well formed but cannot be turned into runtime records (spec 05 §8). Not a
 * `TreeInvalidError`: the catalogue lists it apart from the shape errors.
 */
export class PrepareError extends EngineError {
  constructor(code: PrepareErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
