import {
  StateVersionNotMatchError,
  type CommitOutcome,
  type Dispatch,
  type JoinAck,
  type StateWrite,
  type StepCommit,
} from '@bamboo/engine';
import type { InMemoryStore } from './in-memory-store';

/**
 * Applies a commit to the store in the order a SQL transaction would, throwing on the first failed
 * condition (the caller rolls the store back). Returns the dispatches to enqueue after it.
 */
export function applyCommit(
  store: InMemoryStore,
  commit: StepCommit,
): { outcome: CommitOutcome; dispatch: Dispatch[] } {
  for (const write of commit.states ?? []) applyState(store, write);
  for (const pipelineId of commit.resetInnerLoopOf ?? []) {
    for (const state of store.states.values()) if (state.parentId === pipelineId) state.innerLoop = 0;
  }
  for (const { nodeId, data } of commit.executionData ?? []) store.executionData.set(nodeId, data);
  for (const { nodeId, outputs } of commit.executionOutputs ?? []) {
    store.executionData.set(nodeId, { inputs: store.executionData.get(nodeId)?.inputs ?? {}, outputs });
  }
  store.histories.push(...(commit.histories ?? []));
  for (const { pipelineId, values } of commit.context ?? []) {
    const context = store.contextOf(pipelineId);
    for (const value of values) context.set(value.key, value);
  }
  for (const { nodeId, data } of commit.nodeData ?? []) store.nodeData.set(nodeId, data);
  for (const process of commit.newProcesses ?? []) store.processes.set(process.id, process);
  for (const write of commit.processes ?? []) {
    const process = store.processes.get(write.id);
    if (!process) throw new StateVersionNotMatchError(write.id, null, null);
    if (write.expectToken !== undefined && process.taskToken !== write.expectToken) {
      throw new StateVersionNotMatchError(write.id, write.expectToken, process.taskToken);
    }
    Object.assign(process, write.patch);
  }
  for (const schedule of commit.newSchedules ?? []) store.schedules.set(schedule.id, schedule);
  for (const { id, patch } of commit.schedules ?? []) {
    const schedule = store.schedules.get(id);
    if (schedule) Object.assign(schedule, patch);
  }
  for (const record of commit.callbackData ?? []) store.callbackData.set(record.id, record);
  const dispatch = [...(commit.dispatch ?? [])];
  const parentWoken = commit.join ? applyJoin(store, commit.join, dispatch) : false;
  return { outcome: { parentWoken }, dispatch };
}

function applyState(store: InMemoryStore, write: StateWrite): void {
  const current = store.states.get(write.record.nodeId);
  if (write.expect === null) {
    if (current) throw new StateVersionNotMatchError(write.record.nodeId, null, current.version);
  } else if (!current || current.version !== write.expect.version || current.name !== write.expect.name) {
    throw new StateVersionNotMatchError(write.record.nodeId, write.expect.version, current?.version ?? null);
  }
  store.states.set(write.record.nodeId, write.record);
}

/** The atomic increment-and-compare of spec 03 §6: exactly one arriving child wakes the parent. */
function applyJoin(store: InMemoryStore, join: JoinAck, dispatch: Dispatch[]): boolean {
  const parent = store.processes.get(join.parentProcessId);
  if (!parent) throw new StateVersionNotMatchError(join.parentProcessId, null, null);
  parent.ackNum += 1;
  if (parent.ackNum !== parent.needAck) return false;
  parent.ackNum = 0;
  parent.needAck = -1;
  parent.taskToken = join.wakeParent.token;
  dispatch.push({ task: join.wakeParent, delaySeconds: 0 });
  return true;
}
