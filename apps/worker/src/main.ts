import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(WorkerModule);
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3001);
  // Without an API token the server must not be reachable from other machines.
  const host = process.env.BAMBOO_API_TOKEN ? '0.0.0.0' : '127.0.0.1';
  await app.listen(port, host);
}

void bootstrap();
