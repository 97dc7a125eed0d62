import type { EngineRuntime } from '../../runtime/engine-runtime.port';
import type { Dispatch } from '../../runtime/engine-task';
import type { CallbackDataRecord } from '../../runtime/runtime-records';
import type { StepCommit } from '../../runtime/step-commit';

/** What one accepted callback writes: its payload, bound to the attempt, and its schedule task. */
export interface CallbackWrite {
  callbackData: CallbackDataRecord;
  dispatch: Dispatch;
}

interface Waiting {
  write: CallbackWrite;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Bounds one transaction's statements and the answers held back by a slow batch. */
const MAX_BATCH = 256;

/**
 * Group commit of callbacks. A callback's commit is unconditional (it inserts a payload row with a
 * fresh id and outboxes one schedule task), so the commits of callbacks arriving together can be
 * applied as one `runtime.commit`: one transaction and one outbox flush for the lot instead of one
 * each, which is what limits the accepted callbacks per second (issue #8).
 *
 * A commit starts at once when none is in flight, so a lone callback waits for nothing; callbacks
 * arriving meanwhile wait for it and then go together. If a grouped commit fails, each callback is
 * committed on its own, so that one bad write fails only its own request. Every callback is durable
 * when its promise resolves, as before.
 */
export class CallbackCommitBatch {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(private readonly runtime: EngineRuntime) {}

  commit(write: CallbackWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ write, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.waiting.length > 0) await this.commitGroup(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.busy = false;
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    try {
      await this.runtime.commit(commitOf(group.map((entry) => entry.write)));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      await Promise.all(group.map((entry) => this.commitAlone(entry)));
      return;
    }
    for (const entry of group) entry.resolve();
  }

  private async commitAlone(entry: Waiting): Promise<void> {
    try {
      await this.runtime.commit(commitOf([entry.write]));
      entry.resolve();
    } catch (error) {
      entry.reject(error);
    }
  }
}

function commitOf(writes: CallbackWrite[]): StepCommit {
  return { callbackData: writes.map((write) => write.callbackData), dispatch: writes.map((write) => write.dispatch) };
}

const batches = new WeakMap<EngineRuntime, CallbackCommitBatch>();

/** The group commit of one runtime: every engine sharing the runtime groups its callbacks together. */
export function callbackCommitBatchOf(runtime: EngineRuntime): CallbackCommitBatch {
  let batch = batches.get(runtime);
  if (!batch) {
    batch = new CallbackCommitBatch(runtime);
    batches.set(runtime, batch);
  }
  return batch;
}
