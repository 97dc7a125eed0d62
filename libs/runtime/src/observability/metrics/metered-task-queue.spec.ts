import { Registry } from 'prom-client';
import { InProcessTaskQueue } from '../../queue/in-process-task-queue';
import type { TaskQueue } from '../../queue/task-queue';
import { BambooMetrics } from './bamboo-metrics';
import { MeteredTaskQueue } from './metered-task-queue';
import { loadMetricsSettings } from './metrics-settings';

function metrics(): BambooMetrics {
  return new BambooMetrics({ ...loadMetricsSettings({}), hostname: 'h1' }, new Registry());
}

async function value(m: BambooMetrics, name: string, labels: string): Promise<number> {
  const text = await m.registry.getSingleMetricAsString(name);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('MeteredTaskQueue', () => {
  it('counts add, process, complete and fail, and observes the claim delay of execute jobs', async () => {
    const m = metrics();
    const queue = new MeteredTaskQueue(new InProcessTaskQueue(), m, () => 10_500);
    const done: string[] = [];
    await queue.process('er_execute', 1, (job) => {
      done.push(job.id);
      return job.data.fail ? Promise.reject(new Error('boom')) : Promise.resolve();
    });
    await queue.add('er_execute', { headers: { timestamp: 10 } });
    await queue.add('er_execute', { fail: true, headers: { timestamp: 10 } });
    for (let i = 0; i < 100 && done.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    await queue.close();
    expect(await value(m, 'bamboo_queue_operations_total', 'op="add"')).toBe(2);
    expect(await value(m, 'bamboo_queue_operations_total', 'op="process"')).toBe(2);
    expect(await value(m, 'bamboo_queue_operations_total', 'op="complete"')).toBe(1);
    expect(await value(m, 'bamboo_queue_operations_total', 'op="fail"')).toBe(1);
    const delay = await m.registry.getSingleMetricAsString('bamboo_engine_runtime_execute_task_claim_delay_seconds');
    expect(delay).toContain('bamboo_engine_runtime_execute_task_claim_delay_seconds_sum{hostname="h1"} 1');
  });

  it('counts a dispatch as lost when the same payload fails twice (the dispatcher retries once)', async () => {
    const m = metrics();
    const failing = { add: () => Promise.reject(new Error('redis down')) } as unknown as TaskQueue;
    const queue = new MeteredTaskQueue(failing, m);
    const payload = { node_id: 'n1' };
    await expect(queue.add('er_schedule_api', payload)).rejects.toThrow('redis down');
    expect(await value(m, 'bamboo_engine_dispatch_failed_total', 'task="schedule"')).toBe(0);
    await expect(queue.add('er_schedule_api', payload)).rejects.toThrow('redis down');
    expect(await value(m, 'bamboo_engine_dispatch_failed_total', 'task="schedule"')).toBe(1);
  });
});
