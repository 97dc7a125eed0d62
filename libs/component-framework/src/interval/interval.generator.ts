import type { IntervalGenerator as IntervalGeneratorPort } from '@bamboo/engine';

/**
 * Poll interval generator (spec 07 §2.4). The engine sets `count = k - 1` on a fresh generator and
 * calls `next()` after the k-th schedule call, so subclasses derive the delay from `count` only:
 * call `super.next()` first (it increments `count`), then return seconds (>= 0).
 */
export abstract class IntervalGenerator implements IntervalGeneratorPort {
  count = 0;

  next(): number {
    this.count += 1;
    return 0;
  }
}

/** What `Service.interval` holds: a factory, so every service call gets its own generator. */
export type IntervalFactory = () => IntervalGeneratorPort;
