import type { Dispatch, TaskRoute } from '../../runtime/engine-task';
import type { RollbackMode } from '../../runtime/rollback-records';
import { InvalidOperationError } from '../../runtime/runtime.errors';

/** Options of `rollback` and `reserve_rollback` (spec 06 A.21). */
export interface RollbackOptions {
  /** @default 'TOKEN' */
  mode?: RollbackMode;
  /** TOKEN: nodes whose component rollback is not called (they are still cleaned up). */
  skipRollbackNodes?: string[];
  /** ANY: skip the token checks. */
  skipCheckToken?: boolean;
}

/** The mode, refusing anything but TOKEN and ANY (`not support this mode`). */
export function modeOf(mode: string | undefined): RollbackMode {
  const value = mode ?? 'TOKEN';
  if (value !== 'TOKEN' && value !== 'ANY') {
    throw new InvalidOperationError(`rollback failed: not support this mode: ${value}`);
  }
  return value;
}

/** One step of a TOKEN rollback walk, on the route of the process that carried the start node. */
export function rollbackDispatch(
  route: TaskRoute,
  rootPipelineId: string,
  nodeId: string,
  retry: { retryData: unknown } | undefined = undefined,
): Dispatch {
  return {
    task: {
      kind: 'rollback',
      queue: route.queue,
      priority: route.priority,
      rootPipelineId,
      nodeId,
      retry: retry !== undefined,
      retryData: retry?.retryData ?? null,
    },
    delaySeconds: 0,
  };
}
