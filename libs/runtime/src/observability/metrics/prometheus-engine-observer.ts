import type { EngineCount, EngineObserver, EngineTiming } from '@bamboo/engine';
import type { BambooMetrics } from './bamboo-metrics';
import type { MetricKey } from './metric-definitions';

// The engine reports under the original names, which are the definitions' keys: a name missing
// from the table is a compile error here.
const asKey = (name: EngineTiming | EngineCount): MetricKey => name;

/** The engine's metrics port on Prometheus (spec 08 §7.1). */
export function prometheusEngineObserver(metrics: BambooMetrics): EngineObserver {
  return {
    observe: (name, seconds, labels) => metrics.observe(asKey(name), seconds, { ...labels }),
    count: (name, labels, by) => metrics.inc(asKey(name), { ...labels }, by),
  };
}
