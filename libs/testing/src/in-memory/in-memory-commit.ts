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
 * Checks every condition of a commit without touching the store: all-or-nothing means a commit
 * that fails here changes nothing. Throws `StateVersionNotMatchError` on the first mismatch.
 */
export function checkCommit(store: InMemoryStore, commit: StepCommit): void {
  const deleted = new Set(commit.deleteNodeRecords ?? []);
  for (const write of commit.states ?? []) checkState(store, write, deleted);
  for (const write of commit.processes ?? []) {
    const process = store.processes.get(write.id) ?? commit.newProcesses?.find((p) => p.id === write.id);
    if (!process) throw new StateVersionNotMatchError(write.id, null, null);
    if (write.expectToken !== undefined && process.taskToken !== write.expectToken) {
      throw new StateVersionNotMatchError(write.id, write.expectToken, process.taskToken);
    }
  }
  if (commit.join && !store.processes.has(commit.join.parentProcessId)) {
    throw new StateVersionNotMatchError(commit.join.parentProcessId, null, null);
  }
}

/** Applies a checked commit in the order a SQL transaction would; returns the dispatches to enqueue. */
export function applyCommit(
  store: InMemoryStore,
  commit: StepCommit,
): { outcome: CommitOutcome; dispatch: Dispatch[] } {
  store.deleteNodeRecords(commit.deleteNodeRecords ?? []);
  for (const write of commit.states ?? []) store.states.set(write.record.nodeId, write.record);
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
    Object.assign(store.processes.get(write.id)!, write.patch);
  }
  for (const schedule of commit.newSchedules ?? []) store.schedules.set(schedule.id, schedule);
  for (const { id, patch } of commit.schedules ?? []) {
    const schedule = store.schedules.get(id);
    if (schedule) Object.assign(schedule, patch);
  }
  for (const record of commit.callbackData ?? []) store.callbackData.set(record.id, record);
  for (const id of commit.consumeCallbackData ?? []) store.consumedCallbackData.add(id);
  for (const { nodeId, fromVersion, toVersion } of commit.relabelLogs ?? []) {
    for (const log of store.logs) if (log.nodeId === nodeId && log.version === fromVersion) log.version = toVersion;
  }
  if (commit.rollback) store.rollback.apply(commit.rollback);
  const dispatch = [...(commit.dispatch ?? [])];
  const parentWoken = commit.join ? applyJoin(store, commit.join, dispatch) : false;
  return { outcome: { parentWoken }, dispatch };
}

function checkState(store: InMemoryStore, write: StateWrite, deleted: Set<string>): void {
  const current = deleted.has(write.record.nodeId) ? undefined : store.states.get(write.record.nodeId);
  if (write.expect === null) {
    if (current) throw new StateVersionNotMatchError(write.record.nodeId, null, current.version);
  } else if (!current || current.version !== write.expect.version || current.name !== write.expect.name) {
    throw new StateVersionNotMatchError(write.record.nodeId, write.expect.version, current?.version ?? null);
  }
}

/** The atomic increment-and-compare of spec 03 §6: exactly one arriving child wakes the parent. */
function applyJoin(store: InMemoryStore, join: JoinAck, dispatch: Dispatch[]): boolean {
  const parent = store.processes.get(join.parentProcessId)!;
  parent.ackNum += 1;
  if (parent.ackNum !== parent.needAck) return false;
  parent.ackNum = 0;
  parent.needAck = -1;
  parent.taskToken = join.wakeParent.token;
  dispatch.push({ task: join.wakeParent, delaySeconds: 0 });
  return true;
}
