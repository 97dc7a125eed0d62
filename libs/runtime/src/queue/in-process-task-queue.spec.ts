import { InProcessTaskQueue } from './in-process-task-queue';
import { describeTaskQueueConformance } from './task-queue.conformance';

describeTaskQueueConformance('InProcessTaskQueue', (options) => {
  const queue = new InProcessTaskQueue(options);
  return Promise.resolve({ queue, dispose: () => queue.close() });
});

describe('InProcessTaskQueue', () => {
  it('hands the handler a copy of the data, as a broker would', async () => {
    const queue = new InProcessTaskQueue();
    const data = { list: [1] };
    const seen: unknown[] = [];
    const delivered = new Promise<void>(
      (resolve) =>
        void queue.process('q', 1, (job) => {
          seen.push(job.data);
          resolve();
          return Promise.resolve();
        }),
    );

    await queue.add('q', data);
    data.list.push(2);
    await delivered;
    await queue.close();

    expect(seen).toEqual([{ list: [1] }]);
  });

  it('drops delayed jobs on close instead of keeping the process alive', async () => {
    const queue = new InProcessTaskQueue();
    await queue.add('q', {}, { delayMs: 60_000 });
    await queue.close();

    expect(await queue.counts('q')).toMatchObject({ delayed: 0 });
  });
});
