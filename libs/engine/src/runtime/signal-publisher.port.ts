/**
 * Signals the engine emits (spec 08 §2, §4), with the payload keys of bamboo-engine. These narrow
 * types mirror `@bamboo/signals`' `SignalMap` entries for the same names; the engine publishes
 * through this port and never imports a bus.
 */
export interface EngineSignalMap {
  post_set_state: {
    node_id: string;
    to_state: string;
    version: string;
    root_id: string;
    parent_id: string;
    loop: number;
  };
  pipeline_event: { event: { event_type: string; data: Record<string, unknown> } };
}

export type EngineSignalName = keyof EngineSignalMap;

export interface SignalPublisher {
  emit<K extends EngineSignalName>(name: K, payload: EngineSignalMap[K]): void;
}

export const NOOP_SIGNALS: SignalPublisher = { emit: () => undefined };
