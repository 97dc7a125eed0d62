import type { EngineRuntime } from '../../runtime/engine-runtime.port';
import type { Dispatch } from '../../runtime/engine-task';
import type { CallbackDataRecord } from '../../runtime/runtime-records';
import type { StepCommit } from '../../runtime/step-commit';
import type { CallbackSnapshot, CallbackTargetQuery } from '../../runtime/step-snapshot';

/** What one accepted callback writes: its payload, bound to the attempt, and its schedule task. */
export interface CallbackWrite {
  callbackData: CallbackDataRecord;
  dispatch: Dispatch;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Bounds one grouped call's statements and the answers held back by a slow group. */
const MAX_GROUP = 256;

/**
 * Runs calls one group at a time: a call starts at once when no group is in flight, so a lone
 * callback waits for nothing; calls arriving meanwhile wait for it and then go together as one
 * `group` call. When a group call fails, each of its calls runs `alone`, so that one bad call
 * fails only its own request.
 */
export class GroupedCalls<T, R> {
  private waiting: Array<Waiting<T, R>> = [];
  private busy = false;

  constructor(
    private readonly group: (items: T[]) => Promise<R[]>,
    private readonly alone: (item: T) => Promise<R>,
  ) {}

  call(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.waiting.length > 0) await this.run(this.waiting.splice(0, MAX_GROUP));
    } finally {
      this.busy = false;
    }
  }

  private async run(calls: Array<Waiting<T, R>>): Promise<void> {
    if (calls.length === 1) return this.runAlone(calls[0]!);
    let results: R[];
    try {
      results = await this.group(calls.map((call) => call.item));
    } catch {
      await Promise.all(calls.map((call) => this.runAlone(call)));
      return;
    }
    calls.forEach((call, index) => call.resolve(results[index]!));
  }

  private async runAlone(call: Waiting<T, R>): Promise<void> {
    try {
      call.resolve(await this.alone(call.item));
    } catch (error) {
      call.reject(error);
    }
  }
}

function commitOf(writes: CallbackWrite[]): StepCommit {
  return { callbackData: writes.map((write) => write.callbackData), dispatch: writes.map((write) => write.dispatch) };
}

/**
 * The two steps of a callback, grouped across callbacks arriving together (issue #8):
 *
 * - `read`: `loadCallbackTargets` reads the targets of a group in a few statements instead of
 *   one statement each (runtimes without it read one by one).
 * - `commit`: a callback's commit is unconditional (it inserts a payload row with a fresh id and
 *   outboxes one schedule task), so the commits of a group are one `runtime.commit`: one
 *   transaction and one outbox flush instead of one each. Every callback is durable when its
 *   promise resolves, as before.
 */
export interface CallbackBatches {
  read: GroupedCalls<CallbackTargetQuery, CallbackSnapshot>;
  commit: GroupedCalls<CallbackWrite, void>;
}

const batches = new WeakMap<EngineRuntime, CallbackBatches>();

/** The groups of one runtime: every engine sharing the runtime groups its callbacks together. */
export function callbackBatchesOf(runtime: EngineRuntime): CallbackBatches {
  const found = batches.get(runtime);
  if (found) return found;
  const readOne = ({ nodeId, version }: CallbackTargetQuery) => runtime.loadCallbackTarget(nodeId, version);
  const commit = async (writes: CallbackWrite[]): Promise<void[]> => {
    await runtime.commit(commitOf(writes));
    return writes.map(() => undefined);
  };
  const made: CallbackBatches = {
    read: new GroupedCalls(
      (queries) =>
        runtime.loadCallbackTargets ? runtime.loadCallbackTargets(queries) : Promise.all(queries.map(readOne)),
      readOne,
    ),
    commit: new GroupedCalls<CallbackWrite, void>(commit, async (write) => void (await commit([write]))),
  };
  batches.set(runtime, made);
  return made;
}
