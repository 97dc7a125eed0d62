import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { HostAppModule } from './host-app.module';

async function main(): Promise<void> {
  const app = await NestFactory.create(HostAppModule.forEnv());
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000));
}

void main();
