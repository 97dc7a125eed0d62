import type { PipelineEventDataMap, PipelineEventType } from '@bamboo/signals';
import type { RollbackWrites } from '../runtime/rollback-records';
import type { ExecutionData, NodeStateRecord } from '../runtime/runtime-records';
import type { CommitOutcome, ProcessWrite, StepCommit } from '../runtime/step-commit';
import type { NodeStateName } from '../states/node-state';
import { assertTransition } from '../states/version-guard';
import type { EngineServices } from './engine-services';
import { type EngineSignal, pipelineEventSignal, publishSignal } from './signal-publishing';

/** Field changes of one state write (the `set_state` flags of spec 09 §1.2). */
export interface StateChanges {
  loop?: number;
  innerLoop?: number;
  rootId?: string;
  parentId?: string;
  refreshVersion?: boolean;
  resetRetry?: boolean;
  resetSkip?: boolean;
  resetErrorIgnored?: boolean;
  errorIgnored?: boolean;
  setStarted?: boolean;
  setArchived?: boolean;
  /** `retry + 1` (operator retry). */
  incrementRetry?: boolean;
  /** `skip = true` (operator skip). */
  setSkip?: boolean;
  /** Clears `startedTime` and `archivedTime` (retry: the attempt starts afresh). */
  clearTimes?: boolean;
  /** An explicit retry count (a rollback recreates its target with the old count + 1). */
  retry?: number;
  /** False suppresses the `post_set_state` signal (`forced_fail_activity` option). @default true */
  signal?: boolean;
}

/**
 * Collects one step's effects into a `StepCommit` and applies them with one `runtime.commit`.
 * State writes are checked against the transition table here and made conditional on the record
 * the step read; signals are emitted only after the commit succeeded, and a failing listener never
 * changes the outcome.
 */
export class StepEffects {
  private commit: StepCommit = {};
  private signals: EngineSignal[] = [];
  private readonly known = new Map<string, { record?: NodeStateRecord; expect?: NodeStateRecord }>();

  constructor(private readonly services: EngineServices) {}

  /** Current record of a node as this step sees it (read, or written earlier in the step). */
  stateOf(nodeId: string): NodeStateRecord | undefined {
    return this.known.get(nodeId)?.record;
  }

  /** Registers the record a step read, so that later writes are conditional on it. */
  observe(record: NodeStateRecord | undefined, nodeId: string): void {
    if (!this.known.has(nodeId)) this.known.set(nodeId, { record, expect: record });
  }

  setState(nodeId: string, to: NodeStateName, changes: StateChanges = {}): NodeStateRecord {
    const entry = this.known.get(nodeId);
    const current = entry?.record;
    assertTransition(nodeId, current, to);
    const now = this.services.clock.now();
    const base: NodeStateRecord = current ?? {
      nodeId,
      rootId: '',
      parentId: '',
      name: to,
      version: '',
      loop: 1,
      innerLoop: 1,
      retry: 0,
      skip: false,
      errorIgnored: false,
      createdTime: now,
      startedTime: null,
      archivedTime: null,
    };
    const record: NodeStateRecord = {
      ...base,
      name: to,
      version: !current || changes.refreshVersion ? this.services.ids.version() : base.version,
      loop: changes.loop ?? base.loop,
      innerLoop: changes.innerLoop ?? base.innerLoop,
      rootId: changes.rootId || base.rootId,
      parentId: changes.parentId || base.parentId,
      retry: changes.retry ?? (changes.resetRetry ? 0 : changes.incrementRetry ? base.retry + 1 : base.retry),
      skip: changes.setSkip ? true : changes.resetSkip ? false : base.skip,
      errorIgnored: changes.errorIgnored ? true : changes.resetErrorIgnored ? false : base.errorIgnored,
      startedTime: changes.setStarted ? now : changes.clearTimes ? null : base.startedTime,
      archivedTime: changes.setArchived ? now : changes.clearTimes ? null : base.archivedTime,
    };
    this.known.set(nodeId, { record, expect: entry ? entry.expect : undefined });
    if (changes.signal === false) return record;
    this.signals.push({
      name: 'post_set_state',
      payload: {
        node_id: nodeId,
        to_state: to,
        version: record.version,
        root_id: record.rootId,
        parent_id: record.parentId,
        loop: changes.loop ?? -1,
      },
    });
    return record;
  }

  /**
   * Fills the root/parent ids of an existing record without a transition (a pause booking reached
   * by a process, spec 06 A.6 step 3); conditional on the record read like any state write.
   */
  fillIds(nodeId: string, rootId: string, parentId: string): void {
    const entry = this.known.get(nodeId);
    const current = entry?.record;
    if (!current || (current.rootId && current.parentId)) return;
    const record = { ...current, rootId: current.rootId || rootId, parentId: current.parentId || parentId };
    this.known.set(nodeId, { record, expect: entry.expect });
  }

  /** Adds effects other than state writes (execution data, context, processes, dispatches…). */
  add(effects: StepCommit): void {
    appendEffects(this.commit, effects);
  }

  /** The execution data this step is about to write for a node, if any (rollback node snapshots). */
  pendingExecutionData(nodeId: string): ExecutionData | undefined {
    return this.commit.executionData?.findLast((entry) => entry.nodeId === nodeId)?.data;
  }

  /** An engine hook event (spec 08 §4), published after the commit when pipeline events are enabled. */
  event<T extends PipelineEventType>(eventType: T, data: PipelineEventDataMap[T]): void {
    if (!this.services.settings.enablePipelineEventSignals) return;
    this.signals.push(pipelineEventSignal(eventType, data));
  }

  /** Any other signal of spec 08 (e.g. `post_pipeline_finish`), published after the commit. */
  signal(signal: EngineSignal): void {
    this.signals.push(signal);
  }

  /**
   * True when nothing but state writes, histories and signals is pending: no other reader of the
   * store (context, execution data, schedules, queues) can depend on this step's commit yet.
   */
  onlyStatesPending(): boolean {
    for (const key in this.commit) if (key !== 'histories') return false;
    return true;
  }

  isEmpty(): boolean {
    return Object.keys(this.commit).length === 0 && !this.hasStateWrites();
  }

  /**
   * Commits everything collected so far, then emits the buffered signals. With `before`, that
   * step's effects go first in the same commit (an activity's result riding with the next node's
   * entry, ExecuteRunner). A failed commit leaves both as they were, so `before` can still be
   * committed alone.
   */
  async flush(before?: StepEffects): Promise<CommitOutcome> {
    const commit = before ? combine(before.build(), this.build()) : this.build();
    const outcome = await this.services.runtime.commit(commit);
    const signals = before ? [...before.settle(), ...this.settle()] : this.settle();
    for (const signal of signals) await publishSignal(this.services, signal);
    return outcome;
  }

  /**
   * True when the pending commit starts no other work (no dispatch, join, new process or
   * rollback): holding it back delays what readers of the store see, and nothing else.
   */
  startsNoWork(): boolean {
    const { dispatch, join, newProcesses, rollback } = this.commit;
    return !dispatch?.length && !join && !newProcesses?.length && !rollback;
  }

  /** After a commit: nothing pending, the written records become the expected ones; the signals to emit. */
  private settle(): EngineSignal[] {
    const signals = this.signals;
    this.commit = {};
    this.signals = [];
    for (const [nodeId, entry] of this.known) this.known.set(nodeId, { record: entry.record, expect: entry.record });
    return signals;
  }

  private hasStateWrites(): boolean {
    return [...this.known.values()].some((entry) => entry.record !== entry.expect);
  }

  private build(): StepCommit {
    const states = [...this.known.values()]
      .filter((entry) => entry.record && entry.record !== entry.expect)
      .map((entry) => ({
        record: entry.record!,
        expect: entry.expect ? { version: entry.expect.version, name: entry.expect.name } : null,
      }));
    const commit: StepCommit = { ...this.commit };
    if (states.length > 0) commit.states = states;
    if (commit.processes) commit.processes = mergeProcessWrites(commit.processes);
    if (commit.executionData && commit.executionData.length > 1)
      commit.executionData = lastPerNode(commit.executionData);
    return commit;
  }
}

/**
 * Appends `effects` to `target`, list by list; a list `target` lacks is copied, so `effects`' own
 * lists are never changed afterwards.
 */
function appendEffects(target: StepCommit, effects: StepCommit): void {
  const lists = target as Record<string, unknown[] | undefined>;
  const source = effects as Record<string, unknown>;
  for (const key in source) {
    const value = source[key];
    if (value === undefined) continue;
    if (key === 'join') target.join = value as StepCommit['join'];
    else if (key === 'rollback') target.rollback = mergeRollback(target.rollback, effects.rollback!);
    else {
      const list = lists[key];
      if (list === undefined) lists[key] = [...(value as unknown[])];
      else list.push(...(value as unknown[]));
    }
  }
}

/** Two steps' commits as one, `first`'s effects before `second`'s in every list. */
function combine(first: StepCommit, second: StepCommit): StepCommit {
  const commit: StepCommit = {};
  appendEffects(commit, first);
  appendEffects(commit, second);
  if (commit.processes) commit.processes = mergeProcessWrites(commit.processes);
  return commit;
}

/** Rollback writes of two `add` calls, list by list. */
function mergeRollback(into: RollbackWrites | undefined, more: RollbackWrites): RollbackWrites {
  const merged: Record<string, unknown[]> = { ...(into as Record<string, unknown[]> | undefined) };
  for (const [key, value] of Object.entries(more) as Array<[string, unknown[]]>) {
    merged[key] = [...(merged[key] ?? []), ...value];
  }
  return merged;
}

/** One write per process: patches merged in order, the first token condition kept. */
function mergeProcessWrites(writes: ProcessWrite[]): ProcessWrite[] {
  const merged = new Map<string, ProcessWrite>();
  for (const write of writes) {
    const existing = merged.get(write.id);
    if (!existing) {
      merged.set(write.id, { ...write, patch: { ...write.patch } });
      continue;
    }
    Object.assign(existing.patch, write.patch);
    if (existing.expectToken === undefined && write.expectToken !== undefined) existing.expectToken = write.expectToken;
  }
  return [...merged.values()];
}

/** One execution-data write per node, the last (an execute and its first poll in one step both write it). */
function lastPerNode<T extends { nodeId: string }>(writes: T[]): T[] {
  const last = new Map<string, T>();
  for (const write of writes) {
    last.delete(write.nodeId);
    last.set(write.nodeId, write);
  }
  return [...last.values()];
}
