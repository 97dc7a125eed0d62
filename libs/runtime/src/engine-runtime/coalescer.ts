/**
 * Coalesces database work that waits at the same time into one round trip: step commits into one
 * transaction (group commit), step reads into one multi-statement text.
 *
 * A worker runs dozens of steps at once; each used to pay its own round trip, and on this kind of
 * machine a round trip costs more CPU (socket write, wake-ups, on both sides) than the statements
 * in it. Here at most `maxInFlight` groups are out at a time; an item that arrives while they are
 * busy waits and leaves with the others that arrived meanwhile. When items have been coming
 * together lately, an item that finds a slot free leaves at the end of the event loop's turn with
 * whatever else arrived in that turn; otherwise it leaves at once, so a lone chain of steps waits
 * for nothing.
 *
 * When a group fails, every member runs again alone, one after the other, which gives each its
 * own result or error as if it had never been grouped (so `together` must leave nothing behind
 * when it fails: a commit group is one transaction, rolled back).
 */
export interface CoalescerOptions<Item, Result> {
  /** Every item in one round trip / transaction, results in order; throws if any fails. */
  together(items: readonly Item[]): Promise<Result[]>;
  /** One item on its own, with its own retries and errors. */
  alone(item: Item): Promise<Result>;
  /** Groups out at once. */
  maxInFlight: number;
  /** Items per group at most. */
  maxGroupSize: number;
  /** Told when a group failed and its members go alone (a debug log). */
  onGroupFailed?: (size: number, error: unknown) => void;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class Coalescer<Item, Result> {
  private waiting: Array<Waiting<Item, Result>> = [];
  private inFlight = 0;
  private scheduled = false;
  /** Whether items have been coming together lately (the last group had company, or had to wait). */
  private busy = false;

  constructor(private readonly options: CoalescerOptions<Item, Result>) {
    if (!(options.maxInFlight >= 1) || !(options.maxGroupSize >= 1)) {
      throw new Error('a coalescer needs maxInFlight and maxGroupSize of at least 1');
    }
  }

  run(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.inFlight >= this.options.maxInFlight) this.busy = true;
      if (this.busy) this.leaveSoon();
      else this.leave();
    });
  }

  /**
   * While busy, leaves at the end of this turn of the event loop rather than at once: a busy
   * process handles many database answers in one turn, and the steps they resume reach their
   * commits (or reads) in that same turn; measured on distributed `multi`, leaving at once grouped
   * few of them, as the one slot was usually free again by the time the next item came. Idle, an
   * item leaves at once: the extra turn cost a lone chain of steps ~0.3 ms a step (`long`).
   */
  private leaveSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.leave();
    });
  }

  /** Sends waiting items while a slot is free. */
  private leave(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.options.maxGroupSize);
      this.busy = group.length > 1;
      this.inFlight += 1;
      void this.send(group).finally(() => {
        this.inFlight -= 1;
        this.leave();
      });
    }
  }

  private async send(group: Array<Waiting<Item, Result>>): Promise<void> {
    if (group.length === 1) {
      await settle(group[0]!, () => this.options.alone(group[0]!.item));
      return;
    }
    let results: Result[];
    try {
      results = await this.options.together(group.map((member) => member.item));
    } catch (error) {
      this.options.onGroupFailed?.(group.length, error);
      // Within this group's slot: a failed group is rare, and the slot keeps the number of open
      // transactions bounded.
      for (const member of group) await settle(member, () => this.options.alone(member.item));
      return;
    }
    group.forEach((member, i) => member.resolve(results[i]!));
  }
}

async function settle<Item, Result>(member: Waiting<Item, Result>, run: () => Promise<Result>): Promise<void> {
  try {
    member.resolve(await run());
  } catch (error) {
    member.reject(error);
  }
}
