import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadBambooConfig, nestLogLevels } from '@bamboo/runtime';
import { lowerProcessPriority } from './process-priority';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadBambooConfig();
  if (config.mode !== 'distributed') {
    // With the in-process queue a separate worker would never see the API's jobs.
    throw new Error('apps/worker needs BAMBOO_REDIS_URL (distributed mode); embedded mode runs workers in the API');
  }
  const app = await NestFactory.create(WorkerModule.forConfig(config), { logger: nestLogLevels(config.logLevel) });
  // After create, so that these lines follow BAMBOO_LOG_LEVEL; threads started later inherit the value.
  if (config.workerNice > 0) {
    const { threads, problem } = lowerProcessPriority(config.workerNice);
    if (problem) new Logger('worker').warn(`WORKER_NICE=${config.workerNice} left a thread as it was (${problem})`);
    else new Logger('worker').log(`nice ${config.workerNice} on ${threads} threads (WORKER_NICE)`);
  }
  // SIGTERM/SIGINT: stop taking jobs, finish those in flight, close the queue and the database.
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3001);
  // Without an API token the server must not be reachable from other machines.
  const host = process.env.BAMBOO_API_TOKEN ? '0.0.0.0' : '127.0.0.1';
  await app.listen(port, host);
}

bootstrap().catch((error: unknown) => {
  new Logger('worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
