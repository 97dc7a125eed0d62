/** The process's `BambooMetrics` (prom-client's default registry, the one `GET /metrics` serves). */
export const BAMBOO_METRICS = Symbol('BAMBOO_METRICS');
