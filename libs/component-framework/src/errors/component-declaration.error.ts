import { EngineError } from '@bamboo/engine';

/** A decorator or registration received an invalid declaration; thrown at import time. */
export class ComponentDeclarationError extends EngineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('COMPONENT_DECLARATION_INVALID', message, details);
  }
}
