import { IntervalGenerator } from './interval.generator';

/** The same delay after every call. */
export class StaticIntervalGenerator extends IntervalGenerator {
  constructor(readonly interval: number) {
    super();
    if (!Number.isFinite(interval) || interval < 0) {
      throw new RangeError(`StaticIntervalGenerator interval must be a number >= 0, got ${String(interval)}`);
    }
  }

  override next(): number {
    super.next();
    return this.interval;
  }
}
