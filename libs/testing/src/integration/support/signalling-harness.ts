import { Engine, type Clock, type ComponentCatalog, type EngineSettings, type SignalPublisher } from '@bamboo/engine';
import type { ConformanceHarness } from '../../conformance/conformance-harness';
import { FakeClock } from '../../fake-clock';
import { InMemoryRuntime } from '../../in-memory/in-memory-runtime';
import { InMemoryTaskQueue } from '../../in-memory/in-memory-task-queue';
import { SequentialIds } from '../../in-memory/sequential-ids';

export interface SignallingHarnessOptions {
  catalog: ComponentCatalog;
  settings?: Partial<EngineSettings>;
  signals?: SignalPublisher;
  /** The engine's clock; the fake queue clock by default. A real clock pairs with `runInRealTime`. */
  engineClock?: Clock;
}

/**
 * The in-memory runtime with an engine whose signal publisher (and clock) the test chooses:
 * `InMemoryHarness` builds its engine without signals, and these tests are about them.
 */
export class SignallingHarness implements ConformanceHarness {
  readonly clock = new FakeClock();
  readonly queue = new InMemoryTaskQueue(this.clock);
  readonly runtime = new InMemoryRuntime(this.queue);
  readonly engine: Engine;

  constructor(options: SignallingHarnessOptions) {
    this.engine = new Engine({
      runtime: this.runtime,
      catalog: options.catalog,
      clock: options.engineClock ?? this.clock,
      ids: new SequentialIds(),
      signals: options.signals,
      settings: options.settings,
    });
  }

  async runUntilIdle(): Promise<void> {
    for (let guard = 0; guard < 100_000; guard++) {
      const task = this.queue.takeDue();
      if (!task) return;
      await this.engine.handle(task);
    }
    throw new Error('runUntilIdle: too many tasks (endless loop?)');
  }

  async advance(seconds: number): Promise<void> {
    this.clock.advance(seconds);
    await this.runUntilIdle();
  }

  /** Runs everything, jumping the fake clock to each delayed task, within `maxSeconds` of fake time. */
  async settle(maxSeconds = 3600): Promise<void> {
    const end = this.clock.nowMs() + maxSeconds * 1000;
    await this.runUntilIdle();
    for (let wait = this.queue.nextDueInMs(); wait !== undefined; wait = this.queue.nextDueInMs()) {
      if (this.clock.nowMs() + wait > end) return;
      await this.advance(wait / 1000);
    }
  }

  /**
   * Like `settle`, but really waits for each delayed task before running it, so an engine on a
   * real clock sees real time pass between polls.
   */
  async runInRealTime(maxTasks = 100): Promise<void> {
    await this.runUntilIdle();
    for (let n = 0, wait = this.queue.nextDueInMs(); wait !== undefined && n < maxTasks; n++) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      await this.advance(wait / 1000);
      wait = this.queue.nextDueInMs();
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
