import type { ComponentCatalog } from '../component';
import type { Clock } from '../runtime/clock.port';
import type { EngineObserver } from '../runtime/engine-observer.port';
import type { EngineRuntime } from '../runtime/engine-runtime.port';
import type { FollowUpPort } from '../runtime/follow-up.port';
import type { EngineIdGenerator } from '../runtime/id-generator.port';
import type { Logger } from '../runtime/logger.port';
import type { SignalPublisher } from '../runtime/signal-publisher.port';

/** Engine settings with bamboo-engine's defaults (spec 10). */
export interface EngineSettings {
  /** A node may run at most `rerunLimit + 1` times (spec 01 §7.2). @default 100 */
  rerunLimit: number;
  /** Added to `loop`/`inner_loop` where services and context see them. @default 0 */
  rerunIndexOffset: number;
  /** Exclusive gateway strategy when the gateway names none. @default 'ONLY' */
  exclusiveGatewayStrategy: 'ONLY' | 'FIRST';
  /**
   * Publish the engine hook events of spec 08 §4 as `pipeline_event` signals
   * (`ENABLE_PIPELINE_EVENT_SIGNALS`). Other signals are always published. @default false
   */
  enablePipelineEventSignals: boolean;
  /**
   * Rollback (`PIPELINE_ENABLE_ROLLBACK`, spec 06 A.21): finished ServiceActivities store node
   * snapshots, reservations are honoured, and the rollback API is available. @default false
   */
  enableRollback: boolean;
  /**
   * After a rollback the pipeline continues at the target (`PIPELINE_ENABLE_AUTO_EXECUTE_WHEN_ROLL_BACKED`);
   * false leaves it SUSPENDED. @default true
   */
  autoExecuteWhenRolledBack: boolean;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  rerunLimit: 100,
  rerunIndexOffset: 0,
  exclusiveGatewayStrategy: 'ONLY',
  enablePipelineEventSignals: false,
  enableRollback: false,
  autoExecuteWhenRolledBack: true,
};

/** Everything engine code reaches outside itself, bundled once per engine instance. */
export interface EngineServices {
  runtime: EngineRuntime;
  catalog: ComponentCatalog;
  clock: Clock;
  ids: EngineIdGenerator;
  logger: Logger;
  signals: SignalPublisher;
  /** Metrics of spec 08 §7.1; a no-op unless the host supplies one. */
  observer: EngineObserver;
  settings: EngineSettings;
  /** Follow-ups the current worker job runs itself (ADR 0009); absent: every dispatch is queued. */
  followUps?: FollowUpPort;
  /** EngineOptions.deferTrivialCommits. */
  deferTrivialCommits?: boolean;
}
