import { afterEach, describe, expect, it } from '@jest/globals';
import type { FailedJob, QueueJob, TaskQueue, TaskQueueOptions } from './task-queue';

export interface TaskQueueHarness {
  readonly queue: TaskQueue;
  /** Closes the queue (if the test did not) and removes whatever it left in its backend. */
  dispose(): Promise<void>;
}

/** A promise with its resolver, to hold a handler until the test lets it go. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Resolves once `condition` holds, polling the queue (no timing assertions: only waits). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * The behaviour every TaskQueue driver must share, so that the embedded mode and the distributed
 * mode dispatch identically. Run it with a factory that returns a fresh, isolated queue.
 */
export function describeTaskQueueConformance(
  name: string,
  create: (options: TaskQueueOptions) => Promise<TaskQueueHarness>,
): void {
  describe(`TaskQueue conformance: ${name}`, () => {
    let harness: TaskQueueHarness | undefined;
    const failures: FailedJob[] = [];

    async function open(): Promise<TaskQueue> {
      failures.length = 0;
      harness = await create({ onJobFailed: (failure) => failures.push(failure) });
      return harness.queue;
    }

    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it('delivers a job once with its JSON data and id', async () => {
      const queue = await open();
      const seen: QueueJob[] = [];
      await queue.process('er_execute', 1, (job) => Promise.resolve(void seen.push(job)));

      const data = { process_id: 7, node_id: 'n1', headers: { route_info: { queue: '', priority: 100 } } };
      const id = await queue.add('er_execute', data);

      await until(() => seen.length === 1);
      expect(seen[0]).toEqual({ id, queueName: 'er_execute', data });
      await until(async () => (await queue.counts('er_execute')).active === 0);
      expect(await queue.counts('er_execute')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 });
      expect(seen).toHaveLength(1);
    });

    it('keeps queues apart (custom queue names isolate tenants)', async () => {
      const queue = await open();
      const seen: string[] = [];
      await queue.process('er_execute_x', 1, (job) => Promise.resolve(void seen.push(`x:${job.data.n as string}`)));

      await queue.add('er_execute', { n: 'default' });
      await queue.add('er_execute_x', { n: 'tenant' });

      await until(() => seen.length === 1);
      expect(seen).toEqual(['x:tenant']);
      expect((await queue.counts('er_execute')).waiting).toBe(1);
    });

    it('holds a delayed job back while later immediate jobs run', async () => {
      const queue = await open();
      const order: string[] = [];
      await queue.add('er_schedule', { n: 'later' }, { delayMs: 400 });
      expect(await queue.counts('er_schedule')).toMatchObject({ delayed: 1, waiting: 0 });

      await queue.process('er_schedule', 1, (job) => Promise.resolve(void order.push(job.data.n as string)));
      await queue.add('er_schedule', { n: 'now' });

      await until(() => order.length === 2);
      expect(order).toEqual(['now', 'later']);
    });

    it('runs higher priorities first, FIFO within a priority', async () => {
      const queue = await open();
      const order: string[] = [];
      await queue.add('er_execute', { n: 'low-1' }, { priority: 10 });
      await queue.add('er_execute', { n: 'default-1' });
      await queue.add('er_execute', { n: 'high' }, { priority: 255 });
      await queue.add('er_execute', { n: 'low-2' }, { priority: 10 });
      await queue.add('er_execute', { n: 'default-2' }, { priority: 100 });
      await queue.add('er_execute', { n: 'lowest' }, { priority: 0 });

      await queue.process('er_execute', 1, (job) => Promise.resolve(void order.push(job.data.n as string)));

      await until(() => order.length === 6);
      expect(order).toEqual(['high', 'default-1', 'default-2', 'low-1', 'low-2', 'lowest']);
    });

    it('never runs more jobs at once than the concurrency', async () => {
      const queue = await open();
      const release = gate();
      let running = 0;
      let peak = 0;
      let done = 0;
      for (let n = 0; n < 5; n += 1) await queue.add('er_execute', { n });
      await queue.process('er_execute', 2, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await release.promise;
        running -= 1;
        done += 1;
      });

      await until(() => running === 2);
      await until(async () => (await queue.counts('er_execute')).active === 2);
      expect(await queue.counts('er_execute')).toMatchObject({ waiting: 3, active: 2 });
      release.open();
      await until(() => done === 5);
      expect(peak).toBe(2);
    });

    it('fails a throwing job once, reports it and keeps consuming', async () => {
      const queue = await open();
      const calls: string[] = [];
      await queue.process('er_execute', 1, (job) => {
        calls.push(job.data.n as string);
        return job.data.n === 'bad' ? Promise.reject(new Error('boom')) : Promise.resolve();
      });

      const badId = await queue.add('er_execute', { n: 'bad' });
      await queue.add('er_execute', { n: 'good' });

      await until(() => calls.length === 2 && failures.length === 1);
      expect(calls).toEqual(['bad', 'good']);
      expect(failures[0]!.job).toMatchObject({ id: badId, queueName: 'er_execute', data: { n: 'bad' } });
      expect((failures[0]!.error as Error).message).toBe('boom');
      await until(async () => (await queue.counts('er_execute')).active === 0);
      expect(await queue.counts('er_execute')).toMatchObject({ failed: 1, waiting: 0 });
    });

    it('ignores a job id that is already waiting or delayed', async () => {
      const queue = await open();
      const first = await queue.add('default', { n: 1 }, { jobId: 'timeout:n1:v1', delayMs: 60_000 });
      const second = await queue.add('default', { n: 2 }, { jobId: 'timeout:n1:v1', delayMs: 60_000 });

      expect(second).toBe(first);
      expect(await queue.counts('default')).toMatchObject({ delayed: 1 });
    });

    it('removes a delayed job so that it never runs', async () => {
      const queue = await open();
      const seen: string[] = [];
      await queue.add('default', { n: 'removed' }, { jobId: 'timer:1', delayMs: 200 });
      expect(await queue.remove('default', 'timer:1')).toBe(true);
      expect(await queue.remove('default', 'timer:1')).toBe(false);
      expect(await queue.remove('default', 'unknown')).toBe(false);

      await queue.add('default', { n: 'marker' }, { delayMs: 400 });
      await queue.process('default', 1, (job) => Promise.resolve(void seen.push(job.data.n as string)));
      await until(() => seen.length === 1);
      expect(seen).toEqual(['marker']);
    });

    it('stops taking work on pause and finishes the job in flight', async () => {
      const queue = await open();
      const release = gate();
      const events: string[] = [];
      await queue.process('er_execute', 1, async (job) => {
        events.push(`start ${job.data.n as number}`);
        if (job.data.n === 1) await release.promise;
        events.push(`end ${job.data.n as number}`);
      });
      await queue.add('er_execute', { n: 1 });
      await until(() => events.length === 1);

      const paused = queue.pause().then(() => events.push('paused'));
      await queue.add('er_execute', { n: 2 });
      release.open();
      await paused;

      expect(events).toEqual(['start 1', 'end 1', 'paused']);
      expect(await queue.counts('er_execute')).toMatchObject({ waiting: 1, active: 0 });
    });

    it('closes gracefully: waits for the job in flight and starts no other', async () => {
      const queue = await open();
      const release = gate();
      const events: string[] = [];
      await queue.process('er_execute', 1, async (job) => {
        events.push(`start ${job.data.n as number}`);
        await release.promise;
        events.push(`end ${job.data.n as number}`);
      });
      await queue.add('er_execute', { n: 1 });
      await until(() => events.length === 1);
      await queue.add('er_execute', { n: 2 });

      const closed = queue.close().then(() => events.push('closed'));
      release.open();
      await closed;

      expect(events).toEqual(['start 1', 'end 1', 'closed']);
      await expect(queue.add('er_execute', { n: 3 })).rejects.toThrow(/closed/);
    });

    it('rejects bad arguments', async () => {
      const queue = await open();
      await expect(queue.process('q', 0, () => Promise.resolve())).rejects.toThrow(RangeError);
      await expect(queue.add('q', {}, { priority: 256 })).rejects.toThrow(RangeError);
      await expect(queue.add('q', {}, { delayMs: -1 })).rejects.toThrow(RangeError);
      await queue.process('q', 1, () => Promise.resolve());
      await expect(queue.process('q', 1, () => Promise.resolve())).rejects.toThrow(/already has a handler/);
    });

    it('answers a health ping', async () => {
      const queue = await open();
      await expect(queue.ping()).resolves.toBeUndefined();
    });
  });
}
