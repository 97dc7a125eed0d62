import { Registry } from 'prom-client';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BambooMetrics } from './bamboo-metrics';
import { HeapLiveGauge } from './heap-live-gauge';
import { loadMetricsSettings } from './metrics-settings';

const MiB = 1024 * 1024;

/** A real full collection: jest runs without --expose-gc, the flag can still be set at run time. */
function forceFullGc(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

/** The observer is told after the collection, on a later turn of the event loop. */
const observerTurn = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('bamboo_heap_live_bytes', () => {
  const registry = new Registry();
  const metrics = new BambooMetrics({ ...loadMetricsSettings({}), hostname: 'h1' }, registry);
  const gauge = new HeapLiveGauge(metrics);

  async function liveBytes(): Promise<number> {
    const metric = await registry.getSingleMetric('bamboo_heap_live_bytes')!.get();
    return metric.values[0]!.value;
  }

  afterEach(() => gauge.stop());

  it('follows the live heap after each major collection, not the garbage', async () => {
    gauge.onModuleInit();
    let retained: string[] | undefined = Array.from({ length: 300_000 }, (_, i) => `retained ${i}`.repeat(4));
    forceFullGc();
    await observerTurn();
    const withRetained = await liveBytes();
    expect(withRetained).toBeGreaterThan(0);

    retained = undefined;
    // Now garbage: still in the heap in use until the next collection, which leaves it out.
    const inUseWithGarbage = process.memoryUsage().heapUsed;
    forceFullGc();
    await observerTurn();
    const without = await liveBytes();
    expect(retained).toBeUndefined();
    // 300,000 strings of 40-64 characters and their array: well over 10 MiB.
    expect(withRetained - without).toBeGreaterThan(10 * MiB);
    expect(inUseWithGarbage - without).toBeGreaterThan(10 * MiB);
  });

  it('stops reporting once the module is destroyed', async () => {
    gauge.start();
    metrics.set('bamboo_heap_live_bytes', 1);
    gauge.onModuleDestroy();
    forceFullGc();
    await observerTurn();
    expect(await liveBytes()).toBe(1);
  });
});
