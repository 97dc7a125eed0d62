import { ScheduleType } from '../component';
import type { Dispatch, ExecuteTask, ScheduleTask } from '../runtime/engine-task';
import type { ProcessRecord, ScheduleRecord, ScheduleTypeCode } from '../runtime/runtime-records';
import type { EngineServices } from './engine-services';
import type { StepEffects } from './step-effects';

/**
 * The process a task drives: its in-memory record, the pending changes of the current step, and
 * the token condition that makes the task's first commit fail for a duplicate delivery.
 */
export class ProcessEffects {
  readonly process: ProcessRecord;
  private pending: Partial<ProcessRecord> = {};
  private expectToken: string | null;
  private lastCommitted: ProcessRecord;

  constructor(
    process: ProcessRecord,
    token: string | null,
    private readonly services: EngineServices,
  ) {
    this.process = { ...process, pipelineStack: [...process.pipelineStack] };
    this.lastCommitted = { ...this.process, pipelineStack: [...process.pipelineStack] };
    this.expectToken = token;
  }

  /** Whether a fresh read of the process still shows the token this driver's next commit expects. */
  stillOwns(stored: ProcessRecord): boolean {
    return !stored.dead && stored.taskToken === this.expectToken;
  }

  /** Forgets the changes of a step whose commit failed (the store kept the last committed record). */
  discard(): void {
    this.pending = {};
    Object.assign(this.process, this.lastCommitted, { pipelineStack: [...this.lastCommitted.pipelineStack] });
  }

  /** True when the process has changes no commit carried yet. */
  hasPendingChanges(): boolean {
    for (const _ in this.pending) return true;
    return false;
  }

  patch(changes: Partial<Omit<ProcessRecord, 'id'>>): void {
    Object.assign(this.process, changes);
    Object.assign(this.pending, changes);
  }

  enter(nodeId: string): void {
    this.patch({ currentNodeId: nodeId, asleep: false, taskToken: null, lastHeartbeat: this.services.clock.now() });
  }

  setStack(stack: string[]): void {
    const same =
      stack.length === this.process.pipelineStack.length &&
      stack.every((id, i) => id === this.process.pipelineStack[i]);
    if (!same) this.patch({ pipelineStack: [...stack] });
  }

  writeTo(effects: StepEffects): void {
    effects.add({ processes: [{ id: this.process.id, patch: { ...this.pending }, expectToken: this.expectToken }] });
  }

  committed(): void {
    this.pending = {};
    this.expectToken = null;
    this.lastCommitted = { ...this.process, pipelineStack: [...this.process.pipelineStack] };
  }

  /**
   * Hands the process to a new execute task at `nodeId` (operator commands): a fresh token stored
   * with `changes`, conditional on the token read, and the task in the same commit.
   */
  redispatch(effects: StepEffects, nodeId: string, changes: Partial<Omit<ProcessRecord, 'id'>> = {}): void {
    const token = this.services.ids.id();
    this.patch({ ...changes, taskToken: token });
    this.writeTo(effects);
    effects.add({ dispatch: [{ task: this.executeTask(this.process.id, nodeId, token), delaySeconds: 0 }] });
  }

  /** A child at its converge gateway dies and acknowledges its parent (spec 03 §3 step 2.2). */
  arriveAtDestination(effects: StepEffects, nodeId: string): void {
    this.patch({ currentNodeId: nodeId, dead: true, asleep: true, taskToken: null });
    const parentId = this.process.parentId!;
    effects.add({
      join: {
        childProcessId: this.process.id,
        parentProcessId: parentId,
        wakeParent: this.executeTask(parentId, nodeId, this.services.ids.id()),
      },
    });
  }

  /** The node waits for polls or callbacks: schedule record, process asleep, first poll now. */
  waitForSchedule(effects: StepEffects, nodeId: string, version: string, type: ScheduleTypeCode): void {
    const id = this.services.ids.id();
    this.patch({ asleep: true });
    const schedule: ScheduleRecord = {
      id,
      type,
      processId: this.process.id,
      nodeId,
      version,
      finished: false,
      expired: false,
      scheduling: false,
      times: 0,
    };
    effects.add({ newSchedules: [schedule] });
    if (type !== ScheduleType.POLL) return;
    effects.add({ dispatch: [{ task: this.pollTask(nodeId, id), delaySeconds: 0 }] });
  }

  /** The first poll of schedule `scheduleId` of this process's node `nodeId`. */
  pollTask(nodeId: string, scheduleId: string): ScheduleTask {
    return {
      kind: 'schedule',
      ...this.route(),
      processId: this.process.id,
      nodeId,
      scheduleId,
      callbackDataId: null,
      expectedTimes: 0,
    };
  }

  /** Children toward the converge gateway, the join counter, and one execute task per child. */
  fork(effects: StepEffects, targets: string[], convergeGatewayId: string, stack: string[]): void {
    const children: ProcessRecord[] = targets.map((target) => ({
      ...this.process,
      id: this.services.ids.id(),
      parentId: this.process.id,
      pipelineStack: [...stack],
      currentNodeId: target,
      destinationId: convergeGatewayId,
      asleep: true,
      suspended: false,
      suspendedBy: '',
      dead: false,
      needAck: -1,
      ackNum: 0,
      lastHeartbeat: null,
      taskToken: this.services.ids.id(),
    }));
    this.patch({ asleep: true, needAck: children.length, ackNum: 0 });
    effects.add({
      newProcesses: children,
      dispatch: children.map((child) => ({
        task: this.executeTask(child.id, child.currentNodeId, child.taskToken!),
        delaySeconds: 0,
      })),
    });
  }

  timeoutDispatch(nodeId: string, version: string, seconds: number): Dispatch {
    const task = {
      kind: 'timeout' as const,
      ...this.route(),
      nodeId,
      version,
      rootPipelineId: this.process.rootPipelineId,
    };
    return { task, delaySeconds: seconds };
  }

  executeTask(processId: string, nodeId: string, token: string): ExecuteTask {
    return executeTaskOf(this.process, nodeId, token, processId);
  }

  private route() {
    return { queue: this.process.queue, priority: this.process.priority };
  }
}

/** An execute task at `nodeId` with the route and pipeline stack of `process` (for `processId`, by default its own). */
export function executeTaskOf(
  process: ProcessRecord,
  nodeId: string,
  token: string,
  processId = process.id,
): ExecuteTask {
  const stack = process.pipelineStack;
  return {
    kind: 'execute',
    queue: process.queue,
    priority: process.priority,
    processId,
    nodeId,
    rootPipelineId: process.rootPipelineId,
    parentPipelineId: stack[stack.length - 1]!,
    token,
  };
}
