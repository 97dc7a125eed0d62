import { ComponentRegistry } from '@bamboo/component-framework';
import type { Logger } from '@bamboo/engine';
import { type BambooModuleOptions, loadBambooConfig } from '@bamboo/runtime';
import { CountingDebugNodeService } from './counting-debug-node.component';

/** What the parent hands every worker child through its environment. */
export interface ChaosTarget {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  maxStuckSeconds: number;
}

export const QUIET_LOGGER: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The same module options in the parent (submits, operates) and the workers (run, heal). */
export function chaosModuleOptions(target: ChaosTarget, runWorkers: boolean, logger: Logger): BambooModuleOptions {
  return {
    ...loadBambooConfig({
      BAMBOO_DB_URL: target.databaseUrl,
      BAMBOO_REDIS_URL: target.redisUrl,
      BAMBOO_QUEUE_PREFIX: target.queuePrefix,
      ZOMBIE_MAX_STUCK_SECONDS: String(target.maxStuckSeconds),
      // A SIGKILL during a poll leaves its lock taken; the default 600 s would outlast the run.
      SCHEDULE_LOCK_TTL_SECONDS: String(target.maxStuckSeconds),
      // Also re-drive orphans stopped right after their start event (the only orphan cure besides fail).
      ZOMBIE_CURE: 'redispatch',
    }),
    runWorkers,
    registry: new ComponentRegistry(),
    components: [CountingDebugNodeService],
    logger,
    // The parent must not heal: only the workers, which get killed, compete for the leader lock.
    zombieHealIntervalSeconds: runWorkers ? 1 : 0,
  };
}

export function targetToEnv(target: ChaosTarget): Record<string, string> {
  return {
    CHAOS_DB_URL: target.databaseUrl,
    CHAOS_REDIS_URL: target.redisUrl,
    CHAOS_QUEUE_PREFIX: target.queuePrefix,
    CHAOS_MAX_STUCK_SECONDS: String(target.maxStuckSeconds),
  };
}

export function targetFromEnv(env: NodeJS.ProcessEnv): ChaosTarget {
  const read = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') throw new Error(`${name} is not set`);
    return value;
  };
  return {
    databaseUrl: read('CHAOS_DB_URL'),
    redisUrl: read('CHAOS_REDIS_URL'),
    queuePrefix: read('CHAOS_QUEUE_PREFIX'),
    maxStuckSeconds: Number(read('CHAOS_MAX_STUCK_SECONDS')),
  };
}
