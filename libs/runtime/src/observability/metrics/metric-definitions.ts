export type MetricKind = 'counter' | 'gauge' | 'histogram';

export interface MetricDefinition {
  /** The name code refers to: bamboo-engine's original name where one exists (spec 08 §7.1–7.2). */
  readonly key: string;
  /** Emitted with `METRICS_NAMING=prometheus` (default). */
  readonly name: string;
  /** Emitted with `METRICS_NAMING=legacy`; project-only metrics keep `name`. */
  readonly legacy?: string;
  readonly kind: MetricKind;
  readonly labels: readonly string[];
  readonly help: string;
}

const HOST = ['hostname'] as const;
const TYPED = ['type', 'hostname'] as const;

/** One row of spec 08 §7.1 / §7.2: the original name and the project's Prometheus name. */
function engine<K extends string>(
  key: K,
  kind: MetricKind,
  labels: readonly string[],
  name: string,
  help: string,
): MetricDefinition & { key: K } {
  return { key, name, legacy: key, kind, labels, help };
}

/** Spec 08 §7.2: every runtime metric is a `hostname` histogram of a runtime read or write. */
function runtime<K extends string>(key: K, name: string, what: string): MetricDefinition & { key: K } {
  return engine(key, 'histogram', HOST, name, `Duration of runtime ${what}, seconds`);
}

function project<K extends string>(key: K, kind: MetricKind, labels: readonly string[], help: string) {
  return { key, name: key, kind, labels, help } as MetricDefinition & { key: K };
}

/** Every metric of spec 08 §7 plus the project's own (§7.4.4, HTTP, the bench counters). */
export const METRIC_DEFINITIONS = [
  // §7.1 engine
  engine('engine_running_processes', 'gauge', HOST, 'bamboo_engine_running_processes', 'Execute tasks in flight'),
  engine('engine_running_schedules', 'gauge', HOST, 'bamboo_engine_running_schedules', 'Schedule tasks in flight'),
  engine(
    'engine_execute_failed_count',
    'counter',
    TYPED,
    'bamboo_engine_execute_failed_total',
    'Component execute failed',
  ),
  engine(
    'engine_schedule_failed_count',
    'counter',
    TYPED,
    'bamboo_engine_schedule_failed_total',
    'Component schedule failed',
  ),
  engine(
    'engine_execute_exception_count',
    'counter',
    TYPED,
    'bamboo_engine_execute_exception_total',
    'Component execute threw',
  ),
  engine(
    'engine_schedule_exception_count',
    'counter',
    TYPED,
    'bamboo_engine_schedule_exception_total',
    'Component schedule threw',
  ),
  engine('engine_process_running_time', 'histogram', HOST, 'bamboo_engine_process_running_seconds', 'One execute task'),
  engine(
    'engine_schedule_running_time',
    'histogram',
    HOST,
    'bamboo_engine_schedule_running_seconds',
    'One schedule task',
  ),
  engine('engine_node_execute_time', 'histogram', TYPED, 'bamboo_engine_node_execute_seconds', 'Node handler execute'),
  engine(
    'engine_node_schedule_time',
    'histogram',
    TYPED,
    'bamboo_engine_node_schedule_seconds',
    'Node handler schedule',
  ),
  engine(
    'engine_execute_pre_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_execute_pre_process_seconds',
    'Engine work before the execute handler',
  ),
  engine(
    'engine_execute_post_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_execute_post_process_seconds',
    'Engine work after the execute handler',
  ),
  engine(
    'engine_schedule_pre_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_schedule_pre_process_seconds',
    'Engine work before the schedule handler',
  ),
  engine(
    'engine_schedule_post_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_schedule_post_process_seconds',
    'Engine work after the schedule handler',
  ),
  engine(
    'engine_node_execute_pre_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_node_execute_pre_process_seconds',
    'Execute handler preparation',
  ),
  engine(
    'engine_node_execute_post_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_node_execute_post_process_seconds',
    'Execute handler completion',
  ),
  engine(
    'engine_node_schedule_pre_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_node_schedule_pre_process_seconds',
    'Schedule handler preparation',
  ),
  engine(
    'engine_node_schedule_post_process_duration',
    'histogram',
    TYPED,
    'bamboo_engine_node_schedule_post_process_seconds',
    'Schedule handler completion',
  ),
  // §7.2 runtime
  runtime(
    'engine_runtime_context_value_read_time',
    'bamboo_engine_runtime_context_value_read_seconds',
    'context value reads',
  ),
  runtime(
    'engine_runtime_context_ref_read_time',
    'bamboo_engine_runtime_context_ref_read_seconds',
    'context reference reads',
  ),
  runtime(
    'engine_runtime_context_value_upsert_time',
    'bamboo_engine_runtime_context_value_upsert_seconds',
    'context value upserts',
  ),
  runtime(
    'engine_runtime_data_inputs_read_time',
    'bamboo_engine_runtime_data_inputs_read_seconds',
    'node data input reads',
  ),
  runtime(
    'engine_runtime_data_outputs_read_time',
    'bamboo_engine_runtime_data_outputs_read_seconds',
    'node data output reads',
  ),
  runtime('engine_runtime_data_read_time', 'bamboo_engine_runtime_data_read_seconds', 'node data reads'),
  runtime(
    'engine_runtime_exec_data_inputs_read_time',
    'bamboo_engine_runtime_exec_data_inputs_read_seconds',
    'execution input reads',
  ),
  runtime(
    'engine_runtime_exec_data_outputs_read_time',
    'bamboo_engine_runtime_exec_data_outputs_read_seconds',
    'execution output reads',
  ),
  runtime('engine_runtime_exec_data_read_time', 'bamboo_engine_runtime_exec_data_read_seconds', 'execution data reads'),
  runtime(
    'engine_runtime_exec_data_inputs_write_time',
    'bamboo_engine_runtime_exec_data_inputs_write_seconds',
    'execution input writes',
  ),
  runtime(
    'engine_runtime_exec_data_outputs_write_time',
    'bamboo_engine_runtime_exec_data_outputs_write_seconds',
    'execution output writes',
  ),
  runtime(
    'engine_runtime_exec_data_write_time',
    'bamboo_engine_runtime_exec_data_write_seconds',
    'execution data writes',
  ),
  runtime(
    'engine_runtime_callback_data_read_time',
    'bamboo_engine_runtime_callback_data_read_seconds',
    'callback data reads',
  ),
  runtime('engine_runtime_schedule_read_time', 'bamboo_engine_runtime_schedule_read_seconds', 'schedule reads'),
  runtime('engine_runtime_schedule_write_time', 'bamboo_engine_runtime_schedule_write_seconds', 'schedule writes'),
  runtime('engine_runtime_state_read_time', 'bamboo_engine_runtime_state_read_seconds', 'state reads'),
  runtime('engine_runtime_state_write_time', 'bamboo_engine_runtime_state_write_seconds', 'state writes'),
  runtime('engine_runtime_node_read_time', 'bamboo_engine_runtime_node_read_seconds', 'node definition reads'),
  runtime('engine_runtime_process_read_time', 'bamboo_engine_runtime_process_read_seconds', 'process reads'),
  runtime(
    'engine_runtime_execute_task_claim_delay',
    'bamboo_engine_runtime_execute_task_claim_delay_seconds',
    'execute job queueing (claim delay)',
  ),
  runtime(
    'engine_runtime_schedule_task_claim_delay',
    'bamboo_engine_runtime_schedule_task_claim_delay_seconds',
    'schedule job queueing (claim delay)',
  ),
  // §7.4.4 project metrics
  project('bamboo_queue_jobs', 'gauge', ['queue', 'state'], 'Jobs per queue and state, sampled every 15 s'),
  project(
    'bamboo_engine_dispatch_failed_total',
    'counter',
    ['task'],
    'Dispatches lost after a committed step (enqueue failed twice)',
  ),
  project('bamboo_engine_zombie_healed_total', 'counter', ['doctor'], 'Zombie processes cured'),
  project('bamboo_signal_handler_errors_total', 'counter', ['signal'], 'Signal handler errors'),
  project(
    'bamboo_heap_live_bytes',
    'gauge',
    [],
    'V8 heap in use right after the latest major GC, bytes: live data without uncollected garbage',
  ),
  project(
    'bamboo_engine_interrupt_total',
    'counter',
    ['kind', 'checkpoint'],
    'Tasks interrupted by transient infrastructure errors',
  ),
  // HTTP and the bench's counters (bench/README.md "Counting")
  project('bamboo_http_request_duration_seconds', 'histogram', ['method', 'route', 'status'], 'HTTP requests, seconds'),
  project('bamboo_sql_statements_total', 'counter', [], 'SQL statements sent by the runtime'),
  project('bamboo_sql_round_trips_total', 'counter', [], 'Round trips to the database (a batch of statements is one)'),
  project(
    'bamboo_queue_operations_total',
    'counter',
    ['op'],
    'Task queue operations (add, remove, process, complete, fail)',
  ),
] as const;

export type MetricKey = (typeof METRIC_DEFINITIONS)[number]['key'];
