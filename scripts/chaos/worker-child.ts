import 'reflect-metadata';
import type { Logger } from '@bamboo/engine';
import { BambooModule } from '@bamboo/runtime';
import { NestFactory } from '@nestjs/core';
import { chaosModuleOptions, targetFromEnv } from './chaos-env';

/** Messages a worker sends its parent over the fork IPC channel. */
export type WorkerMessage = { type: 'ready' } | { type: 'healed'; doctor: string; action: string; detail: string };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** Forwards the healer's cures to the parent (the only way it can count them across kills). */
const reportingLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message, meta) => {
    if (message === 'zombie healed')
      send({
        type: 'healed',
        doctor: String(meta?.doctor),
        action: String(meta?.action),
        detail: String(meta?.detail),
      });
  },
  error: (message, meta) => {
    if (process.env.CHAOS_VERBOSE) console.error(`[worker ${process.pid}] ${message}`, meta);
  },
};

async function main(): Promise<void> {
  const options = chaosModuleOptions(targetFromEnv(process.env), true, reportingLogger);
  const app = await NestFactory.createApplicationContext(BambooModule.forRoot(options), { logger: false });
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(`[worker ${process.pid}] boot failed`, error);
  process.exit(1);
});
