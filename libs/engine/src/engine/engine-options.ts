import type { ComponentCatalog } from '../component';
import type { EngineSettings } from '../process/engine-services';
import type { Clock } from '../runtime/clock.port';
import type { EngineObserver } from '../runtime/engine-observer.port';
import type { EngineRuntime } from '../runtime/engine-runtime.port';
import type { FollowUpPort } from '../runtime/follow-up.port';
import type { EngineIdGenerator } from '../runtime/id-generator.port';
import type { Logger } from '../runtime/logger.port';
import type { SignalPublisher } from '../runtime/signal-publisher.port';

/** What an `Engine` is built from: ports in, settings with documented defaults. */
export interface EngineOptions {
  runtime: EngineRuntime;
  catalog: ComponentCatalog;
  clock: Clock;
  ids: EngineIdGenerator;
  /** @default a no-op logger */
  logger?: Logger;
  /** @default publishes nothing */
  signals?: SignalPublisher;
  /** @default observes nothing */
  observer?: EngineObserver;
  settings?: Partial<EngineSettings>;
  /** @default none: the first poll of a schedule is dispatched and runs in its own step */
  followUps?: FollowUpPort;
  /**
   * Start events, exclusive and converge gateways that only wrote states, and finished
   * ServiceActivities, leave their commit to the next node's first commit in the same task
   * (ExecuteRunner.step, ADR 0009): fewer transactions, and after a crash the process is found at
   * the last committed node before them. @default true; false: every step commits on its own
   */
  deferTrivialCommits?: boolean;
}

/** Options of `runPipeline` (spec 06 A.2). */
export interface RunPipelineOptions {
  rootPipelineData?: Record<string, unknown>;
  rootPipelineContext?: Record<string, unknown>;
  subprocessContext?: Record<string, unknown>;
  startNodeId?: string;
  /** @default '' (the default queues) */
  queue?: string;
  /** @default 100 */
  priority?: number;
  /** @default false */
  cycleTolerate?: boolean;
}

export interface RunPipelineResult {
  pipelineId: string;
  processId: string;
}
