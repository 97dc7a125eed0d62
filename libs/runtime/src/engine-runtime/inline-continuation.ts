import { queueNameOf, type Dispatch, type EngineTask, type FollowUpPort, type ScheduleTask } from '@bamboo/engine';

/** Keeps a delayed poll on a local timer of this worker; false sends it through the queue. */
export type DelayedPollKeeper = (task: ScheduleTask, delaySeconds: number) => boolean;

/**
 * The work a worker job may carry on with itself instead of sending it through the queue: the one
 * immediate follow-up of a step (the execute after a finished schedule, a poll at interval 0, a
 * woken parent). Every such step has already committed its effects, including the task token or
 * the open schedule that the follow-up needs, so the follow-up is exactly as durable as a queued
 * message: if the worker dies before running it, recovery finds it in the tables (lost execute,
 * lost poll; spec 09 §6.2). What it saves is the round trip through the broker, which in the
 * distributed mode costs more than the step itself.
 *
 * A slot belongs to one job and one process: follow-ups are recognised by their process id, which
 * only the task holding the process's token can move on. (Not AsyncLocalStorage: on Node 20 its
 * promise hooks made every promise of the process about 2.5 times slower.)
 */
export class ContinuationSlot {
  private pending: EngineTask | undefined;
  private remaining: number;

  /**
   * @param queueNames the queues this worker consumes: only their work may continue here.
   * @param limit follow-ups one job may run, so a never-ending poll cannot hold a slot forever.
   * @param accepting false while the worker stops: follow-ups then go to the queue.
   * @param keepDelayed where the step's one delayed poll may wait instead of the queue (local timers).
   */
  constructor(
    private readonly queueNames: ReadonlySet<string>,
    limit: number,
    private readonly accepting: () => boolean,
    private readonly keepDelayed?: DelayedPollKeeper,
  ) {
    this.remaining = limit;
  }

  /**
   * Keeps `dispatch` for this job when it is the step's only, immediate, local follow-up, or hands
   * it to `keepDelayed` when it is the step's only follow-up and a delayed poll of a local queue.
   */
  offer(dispatches: readonly Dispatch[]): boolean {
    if (dispatches.length !== 1) return false;
    const [{ task, delaySeconds }] = dispatches as [Dispatch];
    if (delaySeconds > 0) return this.keepsDelayed(task, delaySeconds);
    if (!this.accepts(task)) return false;
    this.pending = task;
    this.remaining--;
    return true;
  }

  /**
   * True when this job may run `task` inside the step about to dispatch it (FollowUpPort.runsInStep):
   * the work is this worker's and it is not stopping. Nothing is held: the step never dispatches it.
   */
  runsInStep(task: EngineTask): boolean {
    return this.remaining > 0 && this.consumes(task);
  }

  /** The follow-up to run next, if a step left one. */
  take(): EngineTask | undefined {
    const task = this.pending;
    this.pending = undefined;
    return task;
  }

  private keepsDelayed(task: EngineTask, delaySeconds: number): boolean {
    if (!this.keepDelayed || task.kind !== 'schedule' || !this.accepting()) return false;
    // Polls only: a delayed callback task (a multi-callback's retry of a busy lock) stays a job.
    if (task.callbackDataId !== null || !this.queueNames.has(queueNameOf(task))) return false;
    return this.keepDelayed(task, delaySeconds);
  }

  private accepts(task: EngineTask): boolean {
    return this.pending === undefined && this.remaining > 0 && this.consumes(task);
  }

  private consumes(task: EngineTask): boolean {
    if (!this.accepting() || (task.kind !== 'execute' && task.kind !== 'schedule')) return false;
    return this.queueNames.has(queueNameOf(task));
  }
}

const openSlots = new Map<string, ContinuationSlot>();

/** Runs `work` with `slot` receiving the follow-ups of process `processId`. */
export async function withContinuationSlot<T>(
  processId: string,
  slot: ContinuationSlot,
  work: () => Promise<T>,
): Promise<T> {
  openSlots.set(processId, slot);
  try {
    return await work();
  } finally {
    // A duplicate delivery of the same process may have opened its own slot meanwhile; without a
    // slot, follow-ups simply go through the queue.
    if (openSlots.get(processId) === slot) openSlots.delete(processId);
  }
}

const slotOf = (task: EngineTask): ContinuationSlot | undefined =>
  task.kind === 'execute' || task.kind === 'schedule' ? openSlots.get(task.processId) : undefined;

/**
 * The dispatches a job of their process did not take over, i.e. what the dispatcher must enqueue:
 * none when the only one was offered and taken, else all of them.
 */
export function continueInline(dispatches: readonly Dispatch[]): readonly Dispatch[] {
  const task = dispatches[0]?.task;
  if (task === undefined) return dispatches;
  return slotOf(task)?.offer(dispatches) ? [] : dispatches;
}

/** The engine's FollowUpPort: asks the slot of the task's process, if a job holds one. */
export const inlineFollowUps: FollowUpPort = {
  runsInStep(task) {
    return slotOf(task)?.runsInStep(task) ?? false;
  },
};
