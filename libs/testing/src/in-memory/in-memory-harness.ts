import {
  Engine,
  type ComponentCatalog,
  type EngineSettings,
  type EngineTask,
  type Logger,
  type SignalPublisher,
} from '@bamboo/engine';
import type { ConformanceHarness } from '../conformance/conformance-harness';
import { FakeClock } from '../fake-clock';
import { InMemoryRuntime } from './in-memory-runtime';
import { InMemoryTaskQueue } from './in-memory-task-queue';
import { SequentialIds } from './sequential-ids';

export interface InMemoryHarnessOptions {
  catalog: ComponentCatalog;
  settings?: Partial<EngineSettings>;
  /** Where the engine publishes signals. @default publishes nothing */
  signals?: SignalPublisher;
  /** Deliver every execute and poll task twice, to prove that duplicates are harmless. */
  duplicateDelivery?: boolean;
  /** EngineOptions.deferTrivialCommits. @default true */
  deferTrivialCommits?: boolean;
}

/** Engine + in-memory runtime + fake clock, driven synchronously: tests run in milliseconds. */
export class InMemoryHarness implements ConformanceHarness {
  readonly clock = new FakeClock();
  readonly queue = new InMemoryTaskQueue(this.clock);
  readonly runtime = new InMemoryRuntime(this.queue);
  readonly engine: Engine;
  /** Tasks handled so far (including duplicate deliveries). */
  handled = 0;

  constructor(private readonly options: InMemoryHarnessOptions) {
    this.engine = new Engine({
      runtime: this.runtime,
      catalog: options.catalog,
      clock: this.clock,
      ids: new SequentialIds(),
      logger: this.nodeLogs(),
      signals: options.signals,
      settings: options.settings,
      deferTrivialCommits: options.deferTrivialCommits,
    });
  }

  /** Runs due tasks until none is due (delayed ones stay queued). */
  async runUntilIdle(): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      const task = this.queue.takeDue();
      if (!task) return;
      await this.deliver(task);
    }
    throw new Error('runUntilIdle: too many tasks (endless loop?)');
  }

  /** Moves the fake clock, then runs what became due. */
  async advance(seconds: number): Promise<void> {
    this.clock.advance(seconds);
    await this.runUntilIdle();
  }

  /** Runs everything, jumping the clock to each delayed task, for at most `maxSeconds` of fake time. */
  async settle(maxSeconds = 3600): Promise<void> {
    const end = this.clock.nowMs() + maxSeconds * 1000;
    await this.runUntilIdle();
    for (let wait = this.queue.nextDueInMs(); wait !== undefined; wait = this.queue.nextDueInMs()) {
      if (this.clock.nowMs() + wait > end) return;
      await this.advance(wait / 1000);
    }
  }

  /** Stores lines logged for an attempt (meta `nodeId` + `version`) as a durable runtime would (spec 09 §9). */
  private nodeLogs(): Logger {
    const store = (message: string, meta?: Record<string, unknown>) => {
      const { nodeId, version } = meta ?? {};
      if (typeof nodeId === 'string' && typeof version === 'string') {
        this.runtime.store.logs.push({ nodeId, version, line: message });
      }
    };
    return { debug: store, info: store, warn: store, error: store };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async deliver(task: EngineTask): Promise<void> {
    await this.engine.handle(task);
    this.handled++;
    if (
      this.options.duplicateDelivery &&
      task.kind !== 'timeout' &&
      !(task.kind === 'schedule' && task.callbackDataId)
    ) {
      await this.engine.handle(task);
      this.handled++;
    }
  }
}
