import {
  InvalidOperationError,
  NotFoundError,
  type CallbackSnapshot,
  type CommitOutcome,
  type ContextValue,
  type Dispatch,
  type EngineRuntime,
  type ExecuteStepSnapshot,
  type ExecutionData,
  type HistoryRecord,
  type NodeData,
  type NodeStateRecord,
  type OperatorSnapshot,
  type ProcessRecord,
  type RollbackState,
  type RunDefinition,
  type RunPlan,
  type ScheduleStepQuery,
  type ScheduleStepSnapshot,
  type StepCommit,
} from '@bamboo/engine';
import { applyCommit, checkCommit } from './in-memory-commit';
import { clone, InMemoryStore } from './in-memory-store';
import type { InMemoryTaskQueue } from './in-memory-task-queue';

/** A commit held by `holdCommit`. */
export interface CommitHold {
  reached: Promise<void>;
  release(): void;
}

/**
 * The engine runtime port on plain maps: compare-and-set states, atomic joins, an all-or-nothing
 * commit (applied to a copy, swapped in only when every condition held) and an outbox that
 * enqueues dispatches after the commit. `calls` counts port calls per method (ADR 0003).
 */
export class InMemoryRuntime implements EngineRuntime {
  readonly store = new InMemoryStore();
  readonly calls: Record<string, number> = {};
  private holds: Array<{ match: (commit: StepCommit) => boolean; arrive: () => void; gate: Promise<void> }> = [];

  constructor(private readonly queue: InMemoryTaskQueue) {}

  prepareRun(plan: RunPlan): Promise<void> {
    this.count('prepareRun');
    const ids = [plan.rootState.nodeId, ...Object.keys(plan.definition.nodes)];
    const taken = ids.find((id) => this.store.states.has(id));
    if (taken) return Promise.reject(new InvalidOperationError(`node(${taken}) already has a state`));
    this.store.runs.set(plan.definition.rootPipelineId, clone(plan.definition));
    this.store.states.set(plan.rootState.nodeId, clone(plan.rootState));
    this.store.processes.set(plan.rootProcess.id, clone(plan.rootProcess));
    for (const { nodeId, data } of plan.nodeData) this.store.nodeData.set(nodeId, clone(data));
    for (const { pipelineId, values } of plan.context) {
      const context = this.store.contextOf(pipelineId);
      for (const value of values) context.set(value.key, clone(value));
    }
    this.dispatch(plan.dispatch);
    return Promise.resolve();
  }

  loadRunDefinition(rootPipelineId: string): Promise<RunDefinition> {
    this.count('loadRunDefinition');
    const run = this.store.runs.get(rootPipelineId);
    if (!run) return Promise.reject(new NotFoundError(`run ${rootPipelineId} does not exist`));
    return Promise.resolve(clone(run));
  }

  loadExecuteStep(processId: string, nodeId: string): Promise<ExecuteStepSnapshot> {
    this.count('loadExecuteStep');
    const process = this.store.processes.get(processId);
    if (!process) return Promise.reject(new NotFoundError(`process ${processId} does not exist`));
    const pipelineStates: Record<string, NodeStateRecord> = {};
    for (const id of process.pipelineStack) {
      const state = this.store.states.get(id);
      if (state) pipelineStates[id] = clone(state);
    }
    return Promise.resolve({
      process: clone(process),
      pipelineStates,
      state: clone(this.store.states.get(nodeId)),
      nodeData: clone(this.store.nodeData.get(nodeId)),
      executionData: clone(this.store.executionData.get(nodeId)),
    });
  }

  loadScheduleStep(query: ScheduleStepQuery): Promise<ScheduleStepSnapshot> {
    this.count('loadScheduleStep');
    return Promise.resolve(
      clone({
        process: this.store.processes.get(query.processId),
        state: this.store.states.get(query.nodeId),
        schedule: this.store.schedules.get(query.scheduleId),
        executionData: this.store.executionData.get(query.nodeId),
        callbackData:
          query.callbackDataId && !this.store.consumedCallbackData.has(query.callbackDataId)
            ? this.store.callbackData.get(query.callbackDataId)
            : undefined,
      }),
    );
  }

  readContext(pipelineId: string, keys: string[], withReferences: boolean): Promise<ContextValue[]> {
    this.count('readContext');
    const context = this.store.contexts.get(pipelineId) ?? new Map<string, ContextValue>();
    const wanted = new Set(keys);
    if (withReferences) {
      for (const key of keys) for (const ref of context.get(key)?.references ?? []) wanted.add(ref);
    }
    const values = [...wanted].map((key) => context.get(key)).filter((v): v is ContextValue => v !== undefined);
    return Promise.resolve(clone(values));
  }

  /**
   * Test hook for race tests: the next commit matching `match` waits, after its step's reads and
   * before anything is checked or applied, until `release()`; `reached` resolves when it waits.
   */
  holdCommit(match: (commit: StepCommit) => boolean): CommitHold {
    let arrive!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ match, arrive, gate });
    return { reached, release };
  }

  async commit(commit: StepCommit): Promise<CommitOutcome> {
    this.count('commit');
    const hold = this.holds.find((candidate) => candidate.match(commit));
    if (hold) {
      this.holds = this.holds.filter((candidate) => candidate !== hold);
      hold.arrive();
      await hold.gate;
    }
    return this.applyNow(commit);
  }

  private applyNow(commit: StepCommit): Promise<CommitOutcome> {
    const copy = clone(commit);
    try {
      checkCommit(this.store, copy);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const outcome = applyCommit(this.store, copy);
    this.dispatch(outcome.dispatch);
    return Promise.resolve(outcome.outcome);
  }

  acquireScheduleLock(scheduleId: string): Promise<boolean> {
    this.count('acquireScheduleLock');
    const schedule = this.store.schedules.get(scheduleId);
    if (!schedule || schedule.scheduling) return Promise.resolve(false);
    schedule.scheduling = true;
    return Promise.resolve(true);
  }

  loadCallbackTarget(nodeId: string, version: string): Promise<CallbackSnapshot> {
    this.count('loadCallbackTarget');
    const sleeping = [...this.store.processes.values()].filter(
      (p) => p.asleep && !p.dead && p.currentNodeId === nodeId,
    );
    const schedule = [...this.store.schedules.values()].find((s) => s.nodeId === nodeId && s.version === version);
    return Promise.resolve(clone({ sleepingProcesses: sleeping, state: this.store.states.get(nodeId), schedule }));
  }

  loadOperatorTarget(nodeId: string): Promise<OperatorSnapshot> {
    this.count('loadOperatorTarget');
    const processes = [...this.store.processes.values()].filter((p) => !p.dead);
    const run = [...this.store.runs.values()].find((r) => r.nodes[nodeId] !== undefined);
    return Promise.resolve(
      clone({
        node: run?.nodes[nodeId],
        state: this.store.states.get(nodeId),
        processesOnNode: processes.filter((p) => p.currentNodeId === nodeId),
        suspendedBy: processes.filter((p) => p.suspended && p.suspendedBy === nodeId),
        nodeData: this.store.nodeData.get(nodeId),
        executionData: this.store.executionData.get(nodeId),
      }),
    );
  }

  getNodeLogs(nodeId: string, version: string): Promise<string[]> {
    const lines = this.store.logs.filter((log) => log.nodeId === nodeId && log.version === version);
    return Promise.resolve(lines.map((log) => log.line));
  }

  loadRollbackState(rootPipelineId: string): Promise<RollbackState> {
    this.count('loadRollbackState');
    return Promise.resolve(clone(this.store.rollback.stateOf(rootPipelineId)));
  }

  getState(nodeId: string): Promise<NodeStateRecord | undefined> {
    return Promise.resolve(clone(this.store.states.get(nodeId)));
  }

  getStatesOfRoot(rootId: string): Promise<NodeStateRecord[]> {
    return Promise.resolve(clone([...this.store.states.values()].filter((s) => s.rootId === rootId)));
  }

  getExecutionData(nodeId: string): Promise<ExecutionData | undefined> {
    return Promise.resolve(clone(this.store.executionData.get(nodeId)));
  }

  getNodeData(nodeId: string): Promise<NodeData | undefined> {
    return Promise.resolve(clone(this.store.nodeData.get(nodeId)));
  }

  getHistories(nodeId: string): Promise<HistoryRecord[]> {
    return Promise.resolve(clone(this.store.histories.filter((h) => h.nodeId === nodeId)));
  }

  getContext(pipelineId: string): Promise<ContextValue[]> {
    return Promise.resolve(clone([...(this.store.contexts.get(pipelineId)?.values() ?? [])]));
  }

  getProcesses(rootPipelineId: string): Promise<ProcessRecord[]> {
    return Promise.resolve(
      clone([...this.store.processes.values()].filter((p) => p.rootPipelineId === rootPipelineId)),
    );
  }

  resetCallCounts(): void {
    for (const key of Object.keys(this.calls)) delete this.calls[key];
  }

  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  private dispatch(dispatches: Dispatch[]): void {
    for (const dispatch of dispatches) this.queue.enqueue(dispatch);
  }
}
