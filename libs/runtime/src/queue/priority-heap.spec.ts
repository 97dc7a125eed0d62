import { PriorityHeap } from './priority-heap';

describe('PriorityHeap', () => {
  it('pops in comparator order and supports removal', () => {
    const heap = new PriorityHeap<number>((a, b) => a < b);
    for (const value of [5, 3, 9, 1, 7, 3, 8]) heap.push(value);

    expect(heap.removeWhere((value) => value === 7)).toBe(true);
    expect(heap.removeWhere((value) => value === 42)).toBe(false);
    const popped: number[] = [];
    for (let value = heap.pop(); value !== undefined; value = heap.pop()) popped.push(value);

    expect(popped).toEqual([1, 3, 3, 5, 8, 9]);
    expect(heap.size).toBe(0);
  });
});
