import Redis from 'ioredis';
// @bamboo/testing does not export its service helpers yet; reach the file until it does.
import { randomQueuePrefix, TEST_REDIS_URL } from '../../../testing/src/services/test-services';
import { BullTaskQueue } from './bull-task-queue';
import { describeTaskQueueConformance } from './task-queue.conformance';

async function deleteKeys(prefix: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    await redis.quit();
  }
}

describeTaskQueueConformance('BullTaskQueue on Redis', async (options) => {
  const prefix = randomQueuePrefix('queue');
  const queue = new BullTaskQueue({ ...options, redisUrl: TEST_REDIS_URL, prefix });
  await queue.ping();
  return {
    queue,
    dispose: async () => {
      await queue.close();
      await deleteKeys(prefix);
    },
  };
});

describe('BullTaskQueue', () => {
  it('keeps its keys under the prefix and removes completed jobs', async () => {
    const prefix = randomQueuePrefix('keys');
    const queue = new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix });
    try {
      let done = 0;
      await queue.process('er_execute', 4, () => Promise.resolve(void (done += 1)));
      for (let n = 0; n < 20; n += 1) await queue.add('er_execute', { n });
      while (done < 20 || (await queue.counts('er_execute')).active > 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }

      const redis = new Redis(TEST_REDIS_URL);
      const jobKeys = (await redis.keys(`${prefix}:er_execute:*`)).filter((key) => /:\d+$/.test(key));
      const foreign = await redis.keys(`bull:er_execute:*`);
      await redis.quit();
      expect(jobKeys).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await queue.close();
      await deleteKeys(prefix);
    }
  });

  it('adds the jobs of one tick together, each with its own id, priority and job-id de-duplication', async () => {
    const prefix = randomQueuePrefix('bulk');
    const queue = new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix });
    try {
      const ids = await Promise.all([
        queue.add('er_schedule', { n: 1 }, { priority: 10 }),
        queue.add('er_schedule', { n: 2 }, { priority: 200 }),
        queue.add('er_schedule', { n: 3 }, { jobId: 'timer-1' }),
        queue.add('er_schedule', { n: 4 }, { jobId: 'timer-1' }),
        queue.add('er_execute', { n: 5 }),
      ]);
      expect(ids.slice(2, 4)).toEqual(['timer-1', 'timer-1']);
      expect(new Set(ids.slice(0, 3)).size).toBe(3);
      await expect(queue.add('er_schedule', { n: 1 }, { priority: 300 })).rejects.toThrow(RangeError);

      const seen: number[] = [];
      await queue.process('er_schedule', 1, (job) => Promise.resolve(void seen.push(job.data.n as number)));
      while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toEqual([2, 3, 1]);
      expect((await queue.counts('er_execute')).waiting).toBe(1);
    } finally {
      await queue.close();
      await deleteKeys(prefix);
    }
  });

  it('closes (not hangs) right after an add to a queue it had not used yet', async () => {
    const prefix = randomQueuePrefix('close-add');
    const queue = new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix });
    try {
      const added = queue.add('er_timeout', { n: 1 }).then(
        () => 'added',
        () => 'refused',
      );
      await queue.close();
      expect(['added', 'refused']).toContain(await added);
    } finally {
      await deleteKeys(prefix);
    }
  });

  it('fails (not hangs) when Redis is unreachable', async () => {
    const queue = new BullTaskQueue({ redisUrl: 'redis://127.0.0.1:1', prefix: randomQueuePrefix('down') });
    try {
      await expect(
        Promise.race([
          queue.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 2000)),
        ]),
      ).rejects.toThrow();
    } finally {
      await queue.close();
    }
  });
});
