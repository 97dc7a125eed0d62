import type { Dispatch, ScheduleTask } from '@bamboo/engine';

interface PendingPoll {
  readonly timer: NodeJS.Timeout;
  readonly dueAtMs: number;
}

export interface LocalPollTimersOptions {
  /** Longest delay kept here; longer polls go through the queue. */
  readonly maxDelaySeconds: number;
  /**
   * Polls waiting here at most, so one worker cannot hoard every process's polls (a running poll
   * does not count: it may be offering its own next poll).
   */
  readonly capacity: number;
  /** Runs a poll that fell due (with its own continuation slot); must not throw. */
  readonly run: (task: ScheduleTask) => Promise<void>;
  readonly nowMs?: () => number;
}

/**
 * The delayed polls of processes this worker is driving, kept on timers in this process instead of
 * delayed queue jobs (ADR 0009, later additions). A delayed Bull job costs an add, a promotion
 * when it falls due, a pick-up and a completion, and arrives tens of milliseconds late under a
 * burst; a timer costs nothing and fires on time.
 *
 * Only for polls whose schedule row is already committed (the dispatcher runs after the commit):
 * a worker killed with polls pending here loses messages, not state, and the zombie healer's
 * `lost_poll` re-dispatches them once they have looked the same for `ZOMBIE_MAX_STUCK_SECONDS`.
 * A stopping worker hands every pending poll to the queue with the delay it has left.
 */
export class LocalPollTimers {
  private readonly pending = new Map<ScheduleTask, PendingPoll>();
  private running = 0;
  private stopped = false;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly nowMs: () => number;

  constructor(private readonly options: LocalPollTimersOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** Polls waiting for their time here. */
  get size(): number {
    return this.pending.size;
  }

  /** Keeps `task` on a timer; false (the caller enqueues it) when stopped, too long or full. */
  offer(task: ScheduleTask, delaySeconds: number): boolean {
    if (this.stopped || delaySeconds <= 0 || delaySeconds > this.options.maxDelaySeconds) return false;
    if (this.pending.size >= this.options.capacity) return false;
    const delayMs = Math.round(delaySeconds * 1000);
    const timer = setTimeout(() => this.fire(task), delayMs);
    this.pending.set(task, { timer, dueAtMs: this.nowMs() + delayMs });
    return true;
  }

  /**
   * Stops taking polls and returns the pending ones as dispatches with the delay each has left, for
   * the queue: a graceful shutdown loses none of them.
   */
  drain(): Dispatch[] {
    this.stopped = true;
    const now = this.nowMs();
    const left: Dispatch[] = [];
    for (const [task, { timer, dueAtMs }] of this.pending) {
      clearTimeout(timer);
      left.push({ task, delaySeconds: Math.max(0, dueAtMs - now) / 1000 });
    }
    this.pending.clear();
    return left;
  }

  /** Resolves when no poll that fell due is still running. */
  async idle(): Promise<void> {
    if (this.running === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private fire(task: ScheduleTask): void {
    if (!this.pending.delete(task)) return;
    this.running++;
    void this.options
      .run(task)
      .catch(() => undefined)
      .finally(() => {
        this.running--;
        if (this.running === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      });
  }
}
