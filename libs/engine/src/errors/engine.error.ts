/**
 * Base of every error the engine and its libraries throw. `code` is stable (API clients and the
 * REST error mapping depend on it); `details` carries structured data such as a field path.
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
