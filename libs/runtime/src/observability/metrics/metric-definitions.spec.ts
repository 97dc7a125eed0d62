import { Registry } from 'prom-client';
import { BambooMetrics } from './bamboo-metrics';
import { DEFAULT_METRIC_BUCKETS, loadMetricsSettings } from './metrics-settings';

const T = ['type', 'hostname'];
const H = ['hostname'];

// Spec 08 §7.1–§7.4 as written: [original name, Prometheus name, type, labels].
const SPEC: [string, string, string, string[]][] = [
  ['engine_running_processes', 'bamboo_engine_running_processes', 'gauge', H],
  ['engine_running_schedules', 'bamboo_engine_running_schedules', 'gauge', H],
  ['engine_execute_failed_count', 'bamboo_engine_execute_failed_total', 'counter', T],
  ['engine_schedule_failed_count', 'bamboo_engine_schedule_failed_total', 'counter', T],
  ['engine_execute_exception_count', 'bamboo_engine_execute_exception_total', 'counter', T],
  ['engine_schedule_exception_count', 'bamboo_engine_schedule_exception_total', 'counter', T],
  ['engine_process_running_time', 'bamboo_engine_process_running_seconds', 'histogram', H],
  ['engine_schedule_running_time', 'bamboo_engine_schedule_running_seconds', 'histogram', H],
  ['engine_node_execute_time', 'bamboo_engine_node_execute_seconds', 'histogram', T],
  ['engine_node_schedule_time', 'bamboo_engine_node_schedule_seconds', 'histogram', T],
  ['engine_execute_pre_process_duration', 'bamboo_engine_execute_pre_process_seconds', 'histogram', T],
  ['engine_execute_post_process_duration', 'bamboo_engine_execute_post_process_seconds', 'histogram', T],
  ['engine_schedule_pre_process_duration', 'bamboo_engine_schedule_pre_process_seconds', 'histogram', T],
  ['engine_schedule_post_process_duration', 'bamboo_engine_schedule_post_process_seconds', 'histogram', T],
  ['engine_node_execute_pre_process_duration', 'bamboo_engine_node_execute_pre_process_seconds', 'histogram', T],
  ['engine_node_execute_post_process_duration', 'bamboo_engine_node_execute_post_process_seconds', 'histogram', T],
  ['engine_node_schedule_pre_process_duration', 'bamboo_engine_node_schedule_pre_process_seconds', 'histogram', T],
  ['engine_node_schedule_post_process_duration', 'bamboo_engine_node_schedule_post_process_seconds', 'histogram', T],
  ...[
    'context_value_read',
    'context_ref_read',
    'context_value_upsert',
    'data_inputs_read',
    'data_outputs_read',
    'data_read',
    'exec_data_inputs_read',
    'exec_data_outputs_read',
    'exec_data_read',
    'exec_data_inputs_write',
    'exec_data_outputs_write',
    'exec_data_write',
    'callback_data_read',
    'schedule_read',
    'schedule_write',
    'state_read',
    'state_write',
    'node_read',
    'process_read',
  ].map((m): [string, string, string, string[]] => [
    `engine_runtime_${m}_time`,
    `bamboo_engine_runtime_${m}_seconds`,
    'histogram',
    H,
  ]),
  ['engine_runtime_execute_task_claim_delay', 'bamboo_engine_runtime_execute_task_claim_delay_seconds', 'histogram', H],
  [
    'engine_runtime_schedule_task_claim_delay',
    'bamboo_engine_runtime_schedule_task_claim_delay_seconds',
    'histogram',
    H,
  ],
  ['bamboo_queue_jobs', 'bamboo_queue_jobs', 'gauge', ['queue', 'state']],
  ['bamboo_engine_dispatch_failed_total', 'bamboo_engine_dispatch_failed_total', 'counter', ['task']],
  ['bamboo_engine_zombie_healed_total', 'bamboo_engine_zombie_healed_total', 'counter', ['doctor']],
  ['bamboo_signal_handler_errors_total', 'bamboo_signal_handler_errors_total', 'counter', ['signal']],
  ['bamboo_heap_live_bytes', 'bamboo_heap_live_bytes', 'gauge', []],
  ['bamboo_engine_interrupt_total', 'bamboo_engine_interrupt_total', 'counter', ['kind', 'checkpoint']],
  [
    'bamboo_http_request_duration_seconds',
    'bamboo_http_request_duration_seconds',
    'histogram',
    ['method', 'route', 'status'],
  ],
  ['bamboo_sql_statements_total', 'bamboo_sql_statements_total', 'counter', []],
  ['bamboo_sql_round_trips_total', 'bamboo_sql_round_trips_total', 'counter', []],
  ['bamboo_queue_operations_total', 'bamboo_queue_operations_total', 'counter', ['op']],
];

interface Exposed {
  name: string;
  type: string;
  labelNames?: string[];
  upperBounds?: number[];
}

function exposed(naming: 'prometheus' | 'legacy', env: Record<string, string> = {}): Map<string, Exposed> {
  const settings = { ...loadMetricsSettings({ METRICS_NAMING: naming, ...env }), hostname: 'h1' };
  const registry = new Registry();
  new BambooMetrics(settings, registry);
  return new Map(
    registry.getMetricsAsArray().map((metric) => {
      const m = metric as unknown as { name: string; type: string; labelNames: string[]; upperBounds?: number[] };
      return [m.name, { name: m.name, type: String(m.type), labelNames: m.labelNames, upperBounds: m.upperBounds }];
    }),
  );
}

describe('metric definitions (spec 08 §7)', () => {
  const prometheus = exposed('prometheus');
  const legacy = exposed('legacy');

  it('defines exactly the metrics of the spec', () => {
    expect([...prometheus.keys()].sort()).toEqual(SPEC.map(([, name]) => name).sort());
  });

  it.each(SPEC)('%s → %s (%s, labels %j)', (original, name, type, labels) => {
    const metric = prometheus.get(name)!;
    expect(metric.type).toBe(type);
    expect(metric.labelNames).toEqual(labels);
    if (type === 'histogram') expect(metric.upperBounds).toEqual(DEFAULT_METRIC_BUCKETS);
    expect(legacy.get(original)).toMatchObject({ type, labelNames: labels });
  });

  it('uses the shared buckets of §7.4.1 unless BAMBOO_ENGINE_METRICS_BUCKETS replaces them', () => {
    expect(DEFAULT_METRIC_BUCKETS).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 25, 50, 75, 100,
    ]);
    const custom = exposed('prometheus', { BAMBOO_ENGINE_METRICS_BUCKETS: '0.1, 1,10' });
    expect(custom.get('bamboo_engine_node_execute_seconds')!.upperBounds).toEqual([0.1, 1, 10]);
  });

  it('refuses bad buckets and namings with every problem listed', () => {
    expect(() => loadMetricsSettings({ BAMBOO_ENGINE_METRICS_BUCKETS: '1,x', METRICS_NAMING: 'both' })).toThrow(
      /BAMBOO_ENGINE_METRICS_BUCKETS[\s\S]*METRICS_NAMING/,
    );
    expect(() => loadMetricsSettings({ BAMBOO_ENGINE_METRICS_BUCKETS: '1,1' })).toThrow(/increasing/);
  });

  it('fills the hostname label and reuses metrics already in the registry', async () => {
    const registry = new Registry();
    const settings = { ...loadMetricsSettings({}), hostname: 'h1' };
    const first = new BambooMetrics(settings, registry);
    const second = new BambooMetrics(settings, registry);
    first.inc('engine_execute_failed_count', { type: 'echo_legacy' });
    second.inc('engine_execute_failed_count', { type: 'echo_legacy' });
    expect(await registry.getSingleMetricAsString('bamboo_engine_execute_failed_total')).toContain(
      'bamboo_engine_execute_failed_total{type="echo_legacy",hostname="h1"} 2',
    );
  });
});
