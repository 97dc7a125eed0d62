import type { Clock } from '@bamboo/engine';

/** A clock that moves only when told to; tests drive delayed polls and timers with it. */
export class FakeClock implements Clock {
  private ms: number;

  constructor(start: Date = new Date('2024-01-01T00:00:00.000Z')) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  advance(seconds: number): void {
    this.ms += Math.round(seconds * 1000);
  }
}
