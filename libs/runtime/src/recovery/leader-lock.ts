import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

/** Who may heal: exactly one process per deployment at a time (09 §6.2 "leader only"). */
export interface LeaderLock {
  /** Takes or renews the lock; true while this process holds it. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** Embedded mode: the only process of its database is the leader. */
export const ALWAYS_LEADER: LeaderLock = { acquire: () => Promise.resolve(true), release: () => Promise.resolve() };

// Renew or release only our own lock: another process may have taken it after an expiry.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * `SET key id NX PX ttl`, renewed on each call (the healer calls it every few seconds, well within
 * the TTL). A leader that dies stops renewing and another worker takes over after the TTL.
 */
export class RedisLeaderLock implements LeaderLock {
  private readonly redis: Redis;
  readonly id = randomUUID();

  constructor(
    redisUrl: string,
    private readonly key: string,
    private readonly ttlMs = 30_000,
  ) {
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // Errors surface through acquire(); an unhandled 'error' event would crash the process.
    this.redis.on('error', () => undefined);
  }

  async acquire(): Promise<boolean> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    const renewed = Number(await this.redis.eval(RENEW, 1, this.key, this.id, String(this.ttlMs)));
    if (renewed === 1) return true;
    return (await this.redis.set(this.key, this.id, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  async release(): Promise<void> {
    try {
      if (this.redis.status === 'ready') await this.redis.eval(RELEASE, 1, this.key, this.id);
    } finally {
      this.redis.disconnect();
    }
  }
}
