import type { SignalMap, SignalName } from '@bamboo/signals';

/**
 * The signals the engine emits (spec 08 §2, §4) use the vocabulary of `@bamboo/signals` (types
 * only, ADR 0002), so a payload change is a compile error here and in every listener. The engine
 * publishes through this port and never imports a bus; `SignalBusPublisher` adapts a `SignalBus`.
 */
export type EngineSignalMap = SignalMap;
export type EngineSignalName = SignalName;

export interface SignalPublisher {
  /**
   * Delivers one signal. The engine awaits a returned promise, so handlers run in the step that
   * caused the signal (spec 08 §1.1); a throw or rejection is logged and never changes an outcome.
   */
  emit<K extends SignalName>(name: K, payload: SignalMap[K]): void | Promise<void>;
}

export const NOOP_SIGNALS: SignalPublisher = { emit: () => undefined };
