import type { EngineIdGenerator } from '@bamboo/engine';

/** Deterministic ids: readable in test failures, unique per generator. */
export class SequentialIds implements EngineIdGenerator {
  private counter = 0;

  version(): string {
    return `v${(++this.counter).toString(16).padStart(32, '0')}`;
  }

  id(): string {
    return `i${(++this.counter).toString(16).padStart(8, '0')}`;
  }
}
