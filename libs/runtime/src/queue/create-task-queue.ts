import type { BambooConfig } from '../config';
import { BullTaskQueue } from './bull-task-queue';
import { InProcessTaskQueue } from './in-process-task-queue';
import type { TaskQueue, TaskQueueOptions } from './task-queue';

/** The queue driver of the configured mode: Bull when a Redis URL is set, in-process otherwise. */
export function createTaskQueue(
  config: Pick<BambooConfig, 'redisUrl' | 'queuePrefix'>,
  options: TaskQueueOptions = {},
): TaskQueue {
  return config.redisUrl === undefined
    ? new InProcessTaskQueue(options)
    : new BullTaskQueue({ ...options, redisUrl: config.redisUrl, prefix: config.queuePrefix });
}
