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
  /** `pending` was claimed before its commit (FollowUpPort): the commit's dispatch is this slot's. */
  private claimed = false;
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
   * Promises, before the commit that dispatches it, to run `task` in this job (FollowUpPort.claim):
   * the dispatcher then leaves it out of what it enqueues, and a stopping worker still runs it.
   */
  claim(task: EngineTask): boolean {
    if (!this.accepts(task)) return false;
    this.pending = task;
    this.claimed = true;
    this.remaining--;
    return true;
  }

  /** Takes a claim back (its commit failed). */
  release(task: EngineTask): void {
    if (!this.claimed || this.pending !== task) return;
    this.pending = undefined;
    this.claimed = false;
    this.remaining++;
  }

  /** True when `task` is the claimed follow-up of this slot. */
  holds(task: EngineTask): boolean {
    return this.claimed && this.pending === task;
  }

  /** The follow-up to run next, if a step left one. */
  take(): EngineTask | undefined {
    const task = this.pending;
    this.pending = undefined;
    this.claimed = false;
    return task;
  }

  private keepsDelayed(task: EngineTask, delaySeconds: number): boolean {
    if (!this.keepDelayed || task.kind !== 'schedule' || !this.accepting()) return false;
    // Polls only: a delayed callback task (a multi-callback's retry of a busy lock) stays a job.
    if (task.callbackDataId !== null || !this.queueNames.has(queueNameOf(task))) return false;
    return this.keepDelayed(task, delaySeconds);
  }

  private accepts(task: EngineTask): boolean {
    if (this.pending !== undefined || this.remaining <= 0 || !this.accepting()) return false;
    if (task.kind !== 'execute' && task.kind !== 'schedule') return false;
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

/** Which slot claimed a task (a duplicate delivery may open another slot for the process meanwhile). */
const claims = new WeakMap<EngineTask, ContinuationSlot>();

const slotOf = (task: EngineTask): ContinuationSlot | undefined =>
  task.kind === 'execute' || task.kind === 'schedule' ? openSlots.get(task.processId) : undefined;

/**
 * The dispatches a job of their process did not take over, i.e. what the dispatcher must enqueue:
 * all but a follow-up claimed before the commit, or none when the only one was offered and taken.
 */
export function continueInline(dispatches: readonly Dispatch[]): readonly Dispatch[] {
  // A claimed task reaching the dispatcher was committed: it is the job's for good (no release).
  const queued = dispatches.filter(({ task }) => !(claims.get(task)?.holds(task) && claims.delete(task)));
  if (queued.length !== dispatches.length) return queued;
  const task = dispatches[0]?.task;
  if (task === undefined) return dispatches;
  return slotOf(task)?.offer(dispatches) ? [] : dispatches;
}

/** The engine's FollowUpPort: claims go to the slot of the task's process, if a job holds one. */
export const inlineFollowUps: FollowUpPort = {
  claim(task) {
    const slot = slotOf(task);
    if (!slot?.claim(task)) return false;
    claims.set(task, slot);
    return true;
  },
  release(task) {
    claims.get(task)?.release(task);
    claims.delete(task);
  },
};
