import type { ComponentCatalog, Engine, EngineSettings } from '@bamboo/engine';

/**
 * What the conformance scenarios need from a runtime under test. In memory, "idle" means the task
 * queue is drained; durable runtimes poll states until quiescent with a timeout.
 */
export interface ConformanceHarness {
  engine: Engine;
  /** Runs until no task is due now (delayed tasks stay pending). */
  runUntilIdle(): Promise<void>;
  /** Moves (fake) time forward by `seconds`, then runs until idle. */
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The suite hands its own component catalog to the factory, and the engine settings a block needs
 * (e.g. `enableRollback`); the factory builds its engines with them.
 */
export interface ConformanceSetup {
  catalog: ComponentCatalog;
  settings?: Partial<EngineSettings>;
}

export type ConformanceHarnessFactory = (setup: ConformanceSetup) => Promise<ConformanceHarness>;
