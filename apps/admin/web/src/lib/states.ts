import type { NodeStateRecord, StateEntry, StateName, StatesResponse } from '../api/types';

export type StateMap = ReadonlyMap<string, NodeStateRecord>;

/** B.4 with flat_children=true: the root entry plus every other state of the run, as one map. */
export function flattenStates(response: StatesResponse): Map<string, NodeStateRecord> {
  const map = new Map<string, NodeStateRecord>();
  const visit = (entry: StateEntry): void => {
    const { children, ...record } = entry;
    map.set(record.id, record);
    for (const child of Object.values(children ?? {})) visit(child);
  };
  for (const entry of Object.values(response)) visit(entry);
  return map;
}

export type ProgressBucket = 'finished' | 'running' | 'failed' | 'not_started';

export function bucketOf(state: StateName | undefined): ProgressBucket {
  switch (state) {
    case 'FINISHED':
    case 'ROLL_BACK_SUCCESS':
      return 'finished';
    case 'FAILED':
    case 'REVOKED':
    case 'ROLL_BACK_FAILED':
      return 'failed';
    case 'RUNNING':
    case 'SUSPENDED':
    case 'BLOCKED':
    case 'READY':
    case 'LOOP_READY':
    case 'ROLLING_BACK':
      return 'running';
    case 'CREATED':
    case undefined:
      return 'not_started';
  }
}

export type Progress = Record<ProgressBucket, number>;

/** Counts the given node ids by bucket; ids without a state have not started. */
export function progressOf(nodeIds: Iterable<string>, states: StateMap): Progress {
  const progress: Progress = { finished: 0, running: 0, failed: 0, not_started: 0 };
  for (const id of nodeIds) progress[bucketOf(states.get(id)?.state)] += 1;
  return progress;
}

export const STATE_COLOURS: Record<StateName | 'NONE', { fill: string; stroke: string }> = {
  NONE: { fill: '#f4f5f7', stroke: '#b3b9c4' },
  CREATED: { fill: '#f4f5f7', stroke: '#8590a2' },
  READY: { fill: '#e9f2ff', stroke: '#579dff' },
  LOOP_READY: { fill: '#e9f2ff', stroke: '#579dff' },
  RUNNING: { fill: '#cce0ff', stroke: '#0c66e4' },
  SUSPENDED: { fill: '#fff7d6', stroke: '#cf9f02' },
  BLOCKED: { fill: '#fff7d6', stroke: '#cf9f02' },
  FINISHED: { fill: '#dcfff1', stroke: '#1f845a' },
  FAILED: { fill: '#ffeceb', stroke: '#c9372c' },
  REVOKED: { fill: '#f1f2f4', stroke: '#626f86' },
  ROLLING_BACK: { fill: '#f3f0ff', stroke: '#6e5dc6' },
  ROLL_BACK_SUCCESS: { fill: '#dcfff1', stroke: '#1f845a' },
  ROLL_BACK_FAILED: { fill: '#ffeceb', stroke: '#c9372c' },
};
