import type { Dispatch, EngineTask } from '@bamboo/engine';
import type { FakeClock } from '../fake-clock';

interface QueuedTask {
  dueMs: number;
  seq: number;
  task: EngineTask;
}

/** Delayed dispatch on a fake clock: tasks become due when the clock reaches their time. */
export class InMemoryTaskQueue {
  private tasks: QueuedTask[] = [];
  private seq = 0;
  /** Every task ever enqueued, for assertions about dispatches. */
  readonly history: EngineTask[] = [];

  constructor(private readonly clock: FakeClock) {}

  enqueue(dispatch: Dispatch): void {
    const dueMs = this.clock.nowMs() + Math.round(dispatch.delaySeconds * 1000);
    this.tasks.push({ dueMs, seq: this.seq++, task: structuredClone(dispatch.task) });
    this.history.push(dispatch.task);
  }

  /** The next due task (earliest due time, then FIFO), removed from the queue. */
  takeDue(): EngineTask | undefined {
    const now = this.clock.nowMs();
    let best: QueuedTask | undefined;
    for (const entry of this.tasks) {
      if (entry.dueMs > now) continue;
      if (!best || entry.dueMs < best.dueMs || (entry.dueMs === best.dueMs && entry.seq < best.seq)) best = entry;
    }
    if (best) this.tasks.splice(this.tasks.indexOf(best), 1);
    return best?.task;
  }

  /** Milliseconds until the next delayed task, or undefined when none waits. */
  nextDueInMs(): number | undefined {
    if (this.tasks.length === 0) return undefined;
    return Math.max(0, Math.min(...this.tasks.map((t) => t.dueMs)) - this.clock.nowMs());
  }

  size(): number {
    return this.tasks.length;
  }
}
