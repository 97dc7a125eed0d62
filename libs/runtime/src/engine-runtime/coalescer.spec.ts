import { Coalescer } from './coalescer';

/** A `together`/`alone` pair whose calls are recorded and answered by hand. */
class Recorder {
  readonly calls: Array<{ kind: 'together' | 'alone'; items: number[]; finish(error?: Error): void }> = [];
  open = 0;
  maxOpen = 0;

  coalescer(maxInFlight: number, maxGroupSize: number, onGroupFailed?: (size: number) => void) {
    return new Coalescer<number, string>({
      together: (items) => this.call('together', [...items]).then(() => items.map((item) => `t${item}`)),
      alone: (item) =>
        this.call('alone', [item]).then(() => {
          if (item < 0) throw new Error(`bad ${item}`);
          return `a${item}`;
        }),
      maxInFlight,
      maxGroupSize,
      onGroupFailed,
    });
  }

  private call(kind: 'together' | 'alone', items: number[]): Promise<void> {
    this.open += 1;
    this.maxOpen = Math.max(this.maxOpen, this.open);
    return new Promise<void>((resolve, reject) => {
      this.calls.push({
        kind,
        items,
        finish: (error) => {
          this.open -= 1;
          if (error) reject(error);
          else resolve();
        },
      });
    });
  }

  /** Finishes every call made so far and not finished, and lets the follow-ups start. */
  async finishAll(error?: Error): Promise<void> {
    const pending = this.calls.splice(0);
    this.finished.push(...pending);
    for (const call of pending) call.finish(error);
    await new Promise((resolve) => setImmediate(resolve));
  }

  readonly finished: Recorder['calls'] = [];
}

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));
const shape = (calls: Recorder['calls']) => calls.map(({ kind, items }) => [kind, items]);

describe('Coalescer', () => {
  it('sends an item alone at once when idle', async () => {
    const recorder = new Recorder();
    const result = recorder.coalescer(1, 10).run(1);
    expect(shape(recorder.calls)).toEqual([['alone', [1]]]);
    await recorder.finishAll();
    await expect(result).resolves.toBe('a1');
  });

  it('holds the items that arrive while the slots are busy and sends them together, in order', async () => {
    const recorder = new Recorder();
    const coalescer = recorder.coalescer(1, 10);
    const results = [1, 2, 3, 4].map((item) => coalescer.run(item));
    expect(shape(recorder.calls)).toEqual([['alone', [1]]]);
    await recorder.finishAll();
    expect(shape(recorder.calls)).toEqual([['together', [2, 3, 4]]]);
    await recorder.finishAll();
    await expect(Promise.all(results)).resolves.toEqual(['a1', 't2', 't3', 't4']);
  });

  it('while busy, gathers the items of one turn even when a slot is free; idle again, sends at once', async () => {
    const recorder = new Recorder();
    const coalescer = recorder.coalescer(1, 10);
    const first = [1, 2, 3].map((item) => coalescer.run(item));
    await recorder.finishAll();
    await recorder.finishAll();
    await expect(Promise.all(first)).resolves.toEqual(['a1', 't2', 't3']);
    // The last group had company: the next items wait for the end of the turn, and leave together.
    const busy = [4, 5].map((item) => coalescer.run(item));
    expect(recorder.calls).toHaveLength(0);
    await endOfTurn();
    expect(shape(recorder.calls)).toEqual([['together', [4, 5]]]);
    await recorder.finishAll();
    await expect(Promise.all(busy)).resolves.toEqual(['t4', 't5']);
    // A lone item gathers once more, then a lone chain leaves at once.
    const lone = coalescer.run(6);
    expect(recorder.calls).toHaveLength(0);
    await endOfTurn();
    expect(shape(recorder.calls)).toEqual([['alone', [6]]]);
    await recorder.finishAll();
    await lone;
    const next = coalescer.run(7);
    expect(shape(recorder.calls)).toEqual([['alone', [7]]]);
    await recorder.finishAll();
    await expect(next).resolves.toBe('a7');
  });

  it('keeps to maxInFlight and maxGroupSize', async () => {
    const recorder = new Recorder();
    const coalescer = recorder.coalescer(2, 3);
    const results = Array.from({ length: 10 }, (_, i) => coalescer.run(i));
    while (recorder.calls.length > 0) await recorder.finishAll();
    await Promise.all(results);
    expect(recorder.maxOpen).toBe(2);
    expect(recorder.finished.map(({ items }) => items)).toEqual([[0], [1], [2, 3, 4], [5, 6, 7], [8, 9]]);
  });

  it('runs every member of a failed group alone, one after the other, each with its own outcome', async () => {
    const recorder = new Recorder();
    const failures: number[] = [];
    const coalescer = recorder.coalescer(1, 10, (size) => failures.push(size));
    const results = [1, 2, -3, 4].map((item) => coalescer.run(item).catch((error: Error) => error.message));
    await recorder.finishAll();
    await recorder.finishAll(new Error('a member lost its race'));
    expect(failures).toEqual([3]);
    for (let i = 0; i < 3; i++) {
      expect(recorder.calls).toHaveLength(1);
      await recorder.finishAll();
    }
    expect(shape(recorder.finished.slice(2))).toEqual([
      ['alone', [2]],
      ['alone', [-3]],
      ['alone', [4]],
    ]);
    await expect(Promise.all(results)).resolves.toEqual(['a1', 'a2', 'bad -3', 'a4']);
  });

  it('refuses limits below one', () => {
    expect(() => new Recorder().coalescer(0, 5)).toThrow('at least 1');
    expect(() => new Recorder().coalescer(1, 0)).toThrow('at least 1');
  });
});
