import { InvalidOperationError } from '../runtime/runtime.errors';
import type { NodeStateName } from './node-state';

/** `set_state` asked for a move the transition table forbids (spec 01 §5.1). */
export class InvalidStateTransitionError extends InvalidOperationError {
  constructor(nodeId: string, from: NodeStateName | undefined, to: NodeStateName) {
    super(`node(${nodeId}) can not transit from ${from ?? 'nothing'} to ${to}`, { nodeId, from, to });
  }
}
