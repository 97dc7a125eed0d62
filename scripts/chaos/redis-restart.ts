import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CHAOS_REDIS_PORT = 6379;

/** Exactly how CI starts its Redis: no RDB, no AOF, so a restart loses every key (every Bull job). */
const REDIS_SERVER_ARGS = [
  '--daemonize',
  'yes',
  '--bind',
  '127.0.0.1',
  '-::1',
  '--port',
  String(CHAOS_REDIS_PORT),
  '--save',
  '',
  '--appendonly',
  'no',
  '--dir',
  '/var/lib/redis',
  '--logfile',
  '/var/log/redis/ci.log',
];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function redisAnswers(): Promise<boolean> {
  try {
    const { stdout } = await run('redis-cli', ['-p', String(CHAOS_REDIS_PORT), 'ping'], { timeout: 2000 });
    return stdout.trim() === 'PONG';
  } catch {
    return false;
  }
}

/** Starts Redis if it does not answer, then waits until it answers PING (throws after `timeoutMs`). */
export async function ensureRedisUp(timeoutMs = 20_000): Promise<void> {
  if (await redisAnswers()) return;
  await run('redis-server', REDIS_SERVER_ARGS, { timeout: 10_000 });
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    if (await redisAnswers()) return;
  }
  throw new Error(`redis-server did not answer PING within ${timeoutMs} ms after its restart`);
}

/**
 * `SHUTDOWN NOSAVE`, `downMs` without Redis, then the CI start command again. Redis comes back
 * empty: every queued, delayed and active Bull job, and the healer's leader key, are gone. Redis is
 * restarted in a finally block whatever happened, and this resolves only once it answers PING.
 */
export async function restartRedis(downMs: number): Promise<void> {
  try {
    // The server closes the connection while it shuts down: redis-cli may report an error.
    await run('redis-cli', ['-p', String(CHAOS_REDIS_PORT), 'shutdown', 'nosave'], { timeout: 5000 }).catch(
      () => undefined,
    );
    for (const deadline = Date.now() + 5000; Date.now() < deadline && (await redisAnswers());) await sleep(50);
    await sleep(downMs);
  } finally {
    await ensureRedisUp();
  }
}
