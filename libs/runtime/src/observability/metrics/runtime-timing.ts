import { performance } from 'node:perf_hooks';
import type { BambooMetrics } from './bamboo-metrics';
import type { MetricKey } from './metric-definitions';

/**
 * Spec 08 §7.2 on this project's step-shaped runtime port (ADR 0003): one read loads a whole step
 * and one commit writes it, so each port method is timed under the original metric closest to what
 * it does. The finer-grained ERI metrics (separate input/output reads and writes, context upserts,
 * callback data reads) have no separate call here; they are defined and stay at zero.
 */
const TIMED_METHODS: Readonly<Record<string, MetricKey | ((...args: unknown[]) => MetricKey)>> = {
  readContext: (_pipelineId, _keys, withReferences) =>
    withReferences ? 'engine_runtime_context_ref_read_time' : 'engine_runtime_context_value_read_time',
  getContext: 'engine_runtime_context_value_read_time',
  getNodeData: 'engine_runtime_data_read_time',
  getExecutionData: 'engine_runtime_exec_data_read_time',
  getState: 'engine_runtime_state_read_time',
  getStatesOfRoot: 'engine_runtime_state_read_time',
  loadExecuteStep: 'engine_runtime_state_read_time',
  loadOperatorTarget: 'engine_runtime_state_read_time',
  loadScheduleStep: 'engine_runtime_schedule_read_time',
  loadCallbackTarget: 'engine_runtime_schedule_read_time',
  loadCallbackTargets: 'engine_runtime_schedule_read_time',
  acquireScheduleLock: 'engine_runtime_schedule_write_time',
  lockAndLoadScheduleStep: 'engine_runtime_schedule_write_time',
  loadRunDefinition: 'engine_runtime_node_read_time',
  getProcesses: 'engine_runtime_process_read_time',
  commit: 'engine_runtime_state_write_time',
};

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

/** Wraps the timed methods of one runtime instance in place (its class and identity are kept). */
export function timeRuntimeCalls<T extends object>(runtime: T, metrics: BambooMetrics): T {
  const target = runtime as unknown as Record<string, AsyncMethod | undefined>;
  for (const [method, metric] of Object.entries(TIMED_METHODS)) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    const bound = original.bind(runtime);
    target[method] = async (...args: unknown[]) => {
      const key = typeof metric === 'function' ? metric(...args) : metric;
      const started = performance.now();
      try {
        return await bound(...args);
      } finally {
        metrics.observe(key, (performance.now() - started) / 1000);
      }
    };
  }
  return runtime;
}
