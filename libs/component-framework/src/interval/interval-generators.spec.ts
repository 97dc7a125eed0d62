import {
  DefaultIntervalGenerator,
  IntervalGenerator,
  LinearIntervalGenerator,
  NullIntervalGenerator,
  SquareIntervalGenerator,
  StaticIntervalGenerator,
} from '.';

function delays(generator: IntervalGenerator, calls: number): number[] {
  return Array.from({ length: calls }, () => generator.next());
}

describe('interval generators (spec 07 §2.4)', () => {
  it('increment count before computing the delay', () => {
    const generator = new LinearIntervalGenerator();
    expect(generator.count).toBe(0);
    expect(generator.next()).toBe(1);
    expect(generator.count).toBe(1);
  });

  it('static: n every time', () => {
    expect(delays(new StaticIntervalGenerator(2), 3)).toEqual([2, 2, 2]);
    expect(() => new StaticIntervalGenerator(-1)).toThrow(RangeError);
  });

  it('default and square: k²', () => {
    expect(delays(new DefaultIntervalGenerator(), 4)).toEqual([1, 4, 9, 16]);
    expect(delays(new SquareIntervalGenerator(), 3)).toEqual([1, 4, 9]);
  });

  it('linear: k; null: 0', () => {
    expect(delays(new LinearIntervalGenerator(), 3)).toEqual([1, 2, 3]);
    expect(delays(new NullIntervalGenerator(), 2)).toEqual([0, 0]);
  });

  it('derive the delay from count only, as the engine sets count = k - 1 on a fresh copy', () => {
    const generator = new DefaultIntervalGenerator();
    generator.count = 2;
    expect(generator.next()).toBe(9);
  });

  it('custom generators call the base next() first', () => {
    class Capped extends IntervalGenerator {
      override next(): number {
        super.next();
        return Math.min(this.count * 10, 25);
      }
    }
    expect(delays(new Capped(), 3)).toEqual([10, 20, 25]);
  });
});
