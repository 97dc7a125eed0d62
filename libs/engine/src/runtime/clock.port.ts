/** Time, injected so that the engine never calls `Date.now()` and tests run on a fake clock. */
export interface Clock {
  now(): Date;
}
