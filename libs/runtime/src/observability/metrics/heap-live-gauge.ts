import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { BambooMetrics } from './bamboo-metrics';
import { BAMBOO_METRICS } from './metrics.tokens';

/**
 * `bamboo_heap_live_bytes`: the V8 heap in use just after the latest major (mark-sweep-compact)
 * collection. `nodejs_heap_size_used_bytes` also counts garbage V8 has not collected yet, and with
 * no memory pressure V8 grows the old generation instead of collecting, so that figure rises on a
 * process whose live data is flat; right after a major collection only live data remains, which
 * is what a leak raises. Read when V8 reports the collection, not forced: it costs nothing between
 * collections and nothing on the request or step path. The observer is told a little after the
 * collection, so the figure may include the allocations of that moment (a few MiB in a busy tick);
 * 0 until the first major collection after start.
 */
@Injectable()
export class HeapLiveGauge implements OnModuleInit, OnModuleDestroy {
  private observer: PerformanceObserver | undefined;

  constructor(@Inject(BAMBOO_METRICS) private readonly metrics: BambooMetrics) {}

  onModuleInit(): void {
    this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  start(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(isMajorCollection)) {
        this.metrics.set('bamboo_heap_live_bytes', getHeapStatistics().used_heap_size);
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** A live observer would keep reporting into the metrics of an application that has closed. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

/** Node sets `detail.kind` on 'gc' entries; the typings of PerformanceEntry leave `detail` out. */
function isMajorCollection(entry: PerformanceEntry): boolean {
  const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
  return detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}
