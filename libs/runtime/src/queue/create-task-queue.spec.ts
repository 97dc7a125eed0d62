import { loadBambooConfig } from '../config';
import { BullTaskQueue } from './bull-task-queue';
import { createTaskQueue } from './create-task-queue';
import { InProcessTaskQueue } from './in-process-task-queue';
import { executeQueueName, scheduleQueueName } from './queue-names';

describe('createTaskQueue', () => {
  it('picks the driver of the mode', async () => {
    const embedded = createTaskQueue(loadBambooConfig({}));
    const distributed = createTaskQueue(loadBambooConfig({ BAMBOO_REDIS_URL: 'redis://127.0.0.1:6379' }));

    expect(embedded).toBeInstanceOf(InProcessTaskQueue);
    expect(distributed).toBeInstanceOf(BullTaskQueue);
    await embedded.close();
    await distributed.close();
  });
});

describe('queue names', () => {
  it('suffixes custom queues', () => {
    expect(executeQueueName()).toBe('er_execute');
    expect(executeQueueName('x')).toBe('er_execute_x');
    expect(scheduleQueueName('api')).toBe('er_schedule_api');
  });
});
