import { StateVersionNotMatchError } from '../runtime/runtime.errors';
import type { NodeStateRecord } from '../runtime/runtime-records';
import type { NodeStateName } from './node-state';
import { InvalidStateTransitionError } from './invalid-state-transition.error';
import { canTransit } from './transitions';

/**
 * The engine-side half of the compare-and-set of spec 01 §5.2: checks a planned write against the
 * record it read. The runtime repeats the version/name comparison atomically when it commits.
 */
export function assertTransition(
  nodeId: string,
  current: NodeStateRecord | undefined,
  to: NodeStateName,
  expectedVersion?: string,
): void {
  if (expectedVersion !== undefined && current && current.version !== expectedVersion) {
    throw new StateVersionNotMatchError(nodeId, expectedVersion, current.version);
  }
  if (!canTransit(current?.name, to)) throw new InvalidStateTransitionError(nodeId, current?.name, to);
}
