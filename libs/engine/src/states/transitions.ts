import type { NodeStateName } from './node-state';

/**
 * The legal transitions of an existing state record (spec 01 §5.1). A record that does not exist
 * may be created in any state; X → X is never legal.
 */
export const TRANSITIONS: Readonly<Record<NodeStateName, readonly NodeStateName[]>> = {
  CREATED: [],
  READY: ['RUNNING', 'SUSPENDED'],
  LOOP_READY: ['RUNNING', 'SUSPENDED'],
  RUNNING: ['FINISHED', 'FAILED', 'REVOKED', 'SUSPENDED', 'ROLLING_BACK'],
  SUSPENDED: ['READY', 'REVOKED', 'RUNNING', 'ROLLING_BACK'],
  BLOCKED: [],
  FINISHED: ['RUNNING', 'FAILED', 'ROLLING_BACK'],
  FAILED: ['READY', 'FINISHED', 'LOOP_READY'],
  REVOKED: [],
  ROLLING_BACK: ['ROLL_BACK_SUCCESS', 'ROLL_BACK_FAILED'],
  ROLL_BACK_SUCCESS: ['READY', 'FINISHED'],
  ROLL_BACK_FAILED: ['READY', 'FINISHED', 'ROLLING_BACK'],
};

/** Whether `from → to` is allowed; `from = undefined` means the record does not exist yet. */
export function canTransit(from: NodeStateName | undefined, to: NodeStateName): boolean {
  if (from === undefined) return true;
  return TRANSITIONS[from].includes(to);
}

/** The states that may move to `to` (used to make a conditional update atomic, spec 09 §1.2). */
export function statesReaching(to: NodeStateName): NodeStateName[] {
  return (Object.keys(TRANSITIONS) as NodeStateName[]).filter((from) => TRANSITIONS[from].includes(to));
}
