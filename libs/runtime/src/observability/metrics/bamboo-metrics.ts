import { Counter, Gauge, type Histogram, register, Registry } from 'prom-client';
import { SeriesHistogram } from './series-histogram';
import { METRIC_DEFINITIONS, type MetricDefinition, type MetricKey } from './metric-definitions';
import { loadMetricsSettings, type MetricsSettings } from './metrics-settings';

export type MetricLabels = Readonly<Record<string, string | number | undefined>>;

type AnyMetric = Counter | Gauge | Histogram;

const DEFINITIONS = new Map<string, MetricDefinition>(METRIC_DEFINITIONS.map((def) => [def.key, def]));

/** Each metric's labels but `hostname`, which is the same for every series of a process. */
const VARYING_LABELS = new Map<string, readonly string[]>(
  METRIC_DEFINITIONS.map((def) => [def.key, def.labels.filter((label) => label !== 'hostname')]),
);

/** A series of `key` within this process, named by its varying label values (no string built for one). */
function seriesKey(key: MetricKey, labels: MetricLabels): string {
  const varying = VARYING_LABELS.get(key)!;
  if (varying.length === 0) return '';
  if (varying.length === 1) return String(labels[varying[0]!] ?? '');
  return varying.map((label) => String(labels[label] ?? '')).join('\u0001');
}

/**
 * Every Bamboo metric, defined once per registry. The apps serve prom-client's default registry, so
 * a process has one set of series however many Nest applications it boots (spec 08 §7.4.2); a
 * second `BambooMetrics` on the same registry reuses the metrics instead of failing on duplicates.
 */
export class BambooMetrics {
  private static shared: BambooMetrics | undefined;
  private readonly metrics = new Map<string, AnyMetric>();

  /** The process-wide instance on the default registry, configured from the environment. */
  static forProcess(): BambooMetrics {
    BambooMetrics.shared ??= new BambooMetrics(loadMetricsSettings(), register);
    return BambooMetrics.shared;
  }

  constructor(
    readonly settings: MetricsSettings,
    readonly registry: Registry = new Registry(),
  ) {
    for (const def of METRIC_DEFINITIONS) this.metrics.set(def.key, this.define(def));
  }

  /** The exposed name of a metric under the configured naming. */
  nameOf(key: MetricKey): string {
    const def = DEFINITIONS.get(key)!;
    return this.settings.naming === 'legacy' && def.legacy ? def.legacy : def.name;
  }

  /** Counters, and gauges that move by a delta (in-flight gauges). */
  inc(key: MetricKey, labels: MetricLabels = {}, by = 1): void {
    const metric = this.metrics.get(key) as Counter | Gauge;
    // A metric without labels (the per-statement SQL counters): prom-client then neither hashes
    // nor checks a labels object, the series is the same (~40 -> ~8 ns an increment).
    if (DEFINITIONS.get(key)!.labels.length === 0) metric.inc(by);
    else metric.inc(this.labels(key, labels), by);
  }

  set(key: MetricKey, value: number, labels: MetricLabels = {}): void {
    (this.metrics.get(key) as Gauge).set(this.labels(key, labels), value);
  }

  observe(key: MetricKey, seconds: number, labels: MetricLabels = {}): void {
    const metric = this.metrics.get(key) as Histogram;
    if (!(metric instanceof SeriesHistogram)) return metric.observe(this.labels(key, labels), seconds);
    metric.observeSeries(seriesKey(key, labels), () => this.labels(key, labels), seconds);
  }

  private define(def: MetricDefinition): AnyMetric {
    const name = this.nameOf(def.key as MetricKey);
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as AnyMetric;
    const config = { name, help: def.help, labelNames: [...def.labels], registers: [this.registry] };
    switch (def.kind) {
      case 'counter':
        return new Counter(config);
      case 'gauge':
        return new Gauge(config);
      case 'histogram':
        return new SeriesHistogram({ ...config, buckets: [...this.settings.buckets] });
    }
  }

  /** Only the declared labels, with `hostname` filled in where the metric has it (spec 08 §7.1). */
  private labels(key: MetricKey, given: MetricLabels): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const label of DEFINITIONS.get(key)!.labels) {
      out[label] = label === 'hostname' ? this.settings.hostname : (given[label] ?? '');
    }
    return out;
  }
}
