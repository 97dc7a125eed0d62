/** Binary min-heap over a comparator: O(log n) push and pop for the in-process ready queue. */
export class PriorityHeap<Item> {
  private readonly items: Item[] = [];

  constructor(private readonly before: (a: Item, b: Item) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: Item): void {
    this.items.push(item);
    this.siftUp(this.items.length - 1);
  }

  pop(): Item | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Removes the first item matching the predicate (O(n)); false when none matches. */
  removeWhere(matches: (item: Item) => boolean): boolean {
    const index = this.items.findIndex(matches);
    if (index < 0) return false;
    const last = this.items.pop()!;
    if (index < this.items.length) {
      this.items[index] = last;
      this.siftDown(index);
      this.siftUp(index);
    }
    return true;
  }

  some(matches: (item: Item) => boolean): boolean {
    return this.items.some(matches);
  }

  private siftUp(start: number): void {
    const items = this.items;
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  private siftDown(start: number): void {
    const items = this.items;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let best = index;
      if (left < items.length && this.before(items[left]!, items[best]!)) best = left;
      if (right < items.length && this.before(items[right]!, items[best]!)) best = right;
      if (best === index) return;
      [items[index], items[best]] = [items[best]!, items[index]!];
      index = best;
    }
  }
}
