import { randomBytes } from 'node:crypto';
import Bull from 'bull';
import { runParallel } from './run-parallel';

/**
 * Time for `jobs` no-op Bull jobs to be added and processed through Redis by one process: the least
 * a queue-driven step costs before any engine work.
 */
export async function bullFloorMs(
  redisUrl: string,
  jobs: number,
  concurrency = 100,
  timeoutMs = 300_000,
): Promise<number> {
  const prefix = `bamboo-bench-floor-${randomBytes(4).toString('hex')}`;
  const queue = new Bull('floor', redisUrl, { prefix });
  try {
    await queue.isReady();
    let done = 0;
    const allDone = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`bench: bull floor: ${done}/${jobs} after ${timeoutMs} ms`)),
        timeoutMs,
      );
      void queue.process(concurrency, () => {
        if (++done === jobs) {
          clearTimeout(timer);
          resolve();
        }
        return Promise.resolve();
      });
    });
    const started = performance.now();
    await runParallel(jobs, concurrency, async (i) => {
      await queue.add({ i }, { removeOnComplete: true, removeOnFail: true });
    });
    await allDone;
    return performance.now() - started;
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
}
