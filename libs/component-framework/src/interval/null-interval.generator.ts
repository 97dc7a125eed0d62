import { IntervalGenerator } from './interval.generator';

/** Poll again immediately (the original returned nothing; spec 07 §2.4 decides 0). */
export class NullIntervalGenerator extends IntervalGenerator {
  override next(): number {
    super.next();
    return 0;
  }
}
