import * as path from 'node:path';
import { freePort } from './free-port';
import { type ProductProcess, spawnProduct, stopProcess, waitHealthy } from './product-process';
import type { RunEnvironment } from './run-environment';

export interface LaunchOptions {
  repoRoot: string;
  workers: number;
  apiScript: string;
  workerScript: string;
  componentModules: string[];
  /** Extra node flags for every product process (e.g. --cpu-prof). */
  nodeArgs: string[];
  /** Extra environment for every product process. */
  env?: Record<string, string>;
}

export interface RunningProduct {
  baseUrl: string;
  processes: ProductProcess[];
  stop(): Promise<void>;
}

/**
 * Starts the product the way an operator would: embedded is the api app alone (in-process queues),
 * distributed is the api app plus N worker apps sharing the database and the queue prefix.
 */
export async function launchProduct(env: RunEnvironment, options: LaunchOptions): Promise<RunningProduct> {
  const common: Record<string, string> = {
    NODE_ENV: 'production',
    BAMBOO_DB_URL: env.dbUrl,
    BAMBOO_COMPONENT_MODULES: options.componentModules.join(','),
    ...(env.redisUrl ? { BAMBOO_REDIS_URL: env.redisUrl } : {}),
    ...(env.queuePrefix ? { BAMBOO_QUEUE_PREFIX: env.queuePrefix } : {}),
    ...options.env,
  };
  const processes: ProductProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((p) => stopProcess(p)));
  };
  try {
    const api = spawnProduct({
      label: env.mode === 'embedded' ? 'embedded' : 'api',
      script: options.apiScript,
      port: await freePort(),
      env: common,
      nodeArgs: options.nodeArgs,
      logFile: path.join(env.workDir, 'api.log'),
      cwd: options.repoRoot,
    });
    processes.push(api);
    // Migrations run at the api's start; workers start after it so that they find the schema.
    await waitHealthy(api);
    if (env.mode === 'distributed') {
      for (let i = 1; i <= options.workers; i++) {
        processes.push(
          spawnProduct({
            label: `worker-${i}`,
            script: options.workerScript,
            port: await freePort(),
            metricsPort: await freePort(),
            env: common,
            nodeArgs: options.nodeArgs,
            logFile: path.join(env.workDir, `worker-${i}.log`),
            cwd: options.repoRoot,
          }),
        );
      }
      await Promise.all(processes.slice(1).map((p) => waitHealthy(p)));
    }
    return { baseUrl: `http://127.0.0.1:${api.port}`, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
