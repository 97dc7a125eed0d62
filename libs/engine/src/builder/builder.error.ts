import { EngineError } from '../errors';

/**
 * Thrown when builder elements describe a shape that cannot become a pipeline tree. bamboo-engine
 * silently drops or crashes on these (spec 02 §9.2, decision); we fail loudly with the element id.
 */
export class BuilderError extends EngineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('BUILDER_ERROR', message, details);
  }
}
