import { EngineError } from '../errors';

/** The node type, flags or current state forbid the operation (spec 06 A.1). */
export class InvalidOperationError extends EngineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('INVALID_OPERATION', message, details);
  }
}

/** A state, process, schedule or data record is missing (spec 06 A.1). */
export class NotFoundError extends EngineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NOT_FOUND', message, details);
  }
}

/**
 * A conditional write found another version or state than the one the writer read: another task
 * got there first. Runtimes throw it from `commit` and nothing of the commit is applied.
 */
export class StateVersionNotMatchError extends EngineError {
  constructor(nodeId: string, expected: string | null, actual: string | null) {
    super(
      'STATE_VERSION_NOT_MATCH',
      `node(${nodeId}) version ${expected ?? 'none'} does not match ${actual ?? 'none'}`,
      {
        nodeId,
        expected,
        actual,
      },
    );
  }
}

/**
 * The database refused a commit for lock conflicts (a deadlock victim, a lock wait timeout) on
 * every attempt the runtime allows; nothing of it is applied and the caller may send it again.
 * Deliberately not an `EngineError`: code that treats an `EngineError` as "the engine refused this
 * operation" (a timeout action, a reserved rollback) must not mistake a busy database for a refusal.
 */
export class LockContentionError extends Error {
  readonly code = 'LOCK_CONTENTION';

  constructor(
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`the database refused the write for lock conflicts ${attempts} times; nothing was applied, retry it`);
    this.name = 'LockContentionError';
  }
}
