import { randomQueuePrefix, TEST_REDIS_URL } from '@bamboo/testing';
import { BullTaskQueue } from './bull-task-queue';

describe('BullTaskQueue closed right after process()', () => {
  it('raises no unhandled rejection from Bull naming its worker connection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      for (let round = 0; round < 15; round += 1) {
        const queue = new BullTaskQueue({ redisUrl: TEST_REDIS_URL, prefix: randomQueuePrefix('close') });
        await queue.process('er_execute', 1, () => Promise.resolve());
        await queue.close();
      }
      // Bull's naming promise settles after close; give it a few turns of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });
});
