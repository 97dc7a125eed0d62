/** Identifier source, injected so that the engine never calls `Math.random()`. */
export interface EngineIdGenerator {
  /** A state version: `"v"` + 32 lowercase hex characters (spec 01 §2). */
  version(): string;
  /** Any other unique id (processes, schedules, histories, callback data, task tokens). */
  id(): string;
}
