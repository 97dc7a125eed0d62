import { IntervalGenerator } from './interval.generator';

/** Delay k after the k-th call (the original returned nothing; spec 07 §2.4 decides k). */
export class LinearIntervalGenerator extends IntervalGenerator {
  override next(): number {
    super.next();
    return this.count;
  }
}
