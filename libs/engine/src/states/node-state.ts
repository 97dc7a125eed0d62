/**
 * Node and pipeline state names, exactly as bamboo-engine spells them (spec 01 §5).
 */
export const NodeState = {
  CREATED: 'CREATED',
  READY: 'READY',
  LOOP_READY: 'LOOP_READY',
  RUNNING: 'RUNNING',
  SUSPENDED: 'SUSPENDED',
  BLOCKED: 'BLOCKED',
  FINISHED: 'FINISHED',
  FAILED: 'FAILED',
  REVOKED: 'REVOKED',
  ROLLING_BACK: 'ROLLING_BACK',
  ROLL_BACK_SUCCESS: 'ROLL_BACK_SUCCESS',
  ROLL_BACK_FAILED: 'ROLL_BACK_FAILED',
} as const;
export type NodeStateName = (typeof NodeState)[keyof typeof NodeState];

/** States in which an attempt has ended (spec 01 §4). */
export const ARCHIVED_STATES: readonly NodeStateName[] = ['FINISHED', 'FAILED', 'REVOKED'];

/** States from which a process may (re-)enter a node and set it RUNNING. */
export const ENTERABLE_STATES: readonly NodeStateName[] = ['READY', 'FINISHED', 'LOOP_READY'];
