import { IntervalGenerator } from './interval.generator';

/** Delay k² after the k-th call: 1, 4, 9, … ("increasing interval"). */
export class SquareIntervalGenerator extends IntervalGenerator {
  override next(): number {
    super.next();
    return this.count ** 2;
  }
}

/** The original's default generator is the square one. */
export class DefaultIntervalGenerator extends SquareIntervalGenerator {}
