import { randomBytes } from 'node:crypto';
import Bull from 'bull';
import type { FloorTask } from './floor-task';
import { runParallel } from './run-parallel';

/**
 * `jobs` no-op Bull jobs added and processed through Redis by one process: the least a queue-driven
 * step costs before any engine work.
 */
export async function prepareBullFloor(
  redisUrl: string,
  jobs: number,
  concurrency = 100,
  timeoutMs = 300_000,
): Promise<FloorTask> {
  const prefix = `bamboo-bench-floor-${randomBytes(4).toString('hex')}`;
  const queue = new Bull('floor', redisUrl, { prefix });
  await queue.isReady();
  let done = 0;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  void queue.process(concurrency, () => {
    if (++done === jobs) finished();
    return Promise.resolve();
  });
  return {
    run: async () => {
      const started = performance.now();
      await runParallel(jobs, concurrency, async (i) => {
        await queue.add({ i }, { removeOnComplete: true, removeOnFail: true });
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`bench: bull floor: ${done}/${jobs} after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      await Promise.race([allDone, timeout]).finally(() => clearTimeout(timer));
      return performance.now() - started;
    },
    dispose: async () => {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close().catch(() => undefined);
    },
  };
}
