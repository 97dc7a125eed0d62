/**
 * Durations (seconds) the engine reports, named as bamboo-engine's metrics (spec 08 §7.1); the
 * runtime maps them to Prometheus names. `type` follows §7.3.
 */
export type EngineTiming =
  | 'engine_process_running_time'
  | 'engine_schedule_running_time'
  | 'engine_node_execute_time'
  | 'engine_node_schedule_time'
  | 'engine_execute_pre_process_duration'
  | 'engine_execute_post_process_duration'
  | 'engine_schedule_pre_process_duration'
  | 'engine_schedule_post_process_duration'
  | 'engine_node_execute_pre_process_duration'
  | 'engine_node_execute_post_process_duration'
  | 'engine_node_schedule_pre_process_duration'
  | 'engine_node_schedule_post_process_duration';

/** Counters and the two in-flight gauges (which move by +1/−1) of spec 08 §7.1. */
export type EngineCount =
  | 'engine_running_processes'
  | 'engine_running_schedules'
  | 'engine_execute_failed_count'
  | 'engine_schedule_failed_count'
  | 'engine_execute_exception_count'
  | 'engine_schedule_exception_count';

export interface EngineObserverLabels {
  type?: string;
}

/**
 * Optional metrics port. The engine stays free of any metrics library: it only says what happened
 * and how long it took (measured on its `Clock`); the host decides where that goes.
 */
export interface EngineObserver {
  observe(name: EngineTiming, seconds: number, labels?: EngineObserverLabels): void;
  /** Adds `by` (default 1; −1 for the in-flight gauges). */
  count(name: EngineCount, labels?: EngineObserverLabels, by?: number): void;
}

export const NOOP_OBSERVER: EngineObserver = { observe: () => undefined, count: () => undefined };
