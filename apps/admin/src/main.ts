import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { findConsoleAssets } from '@bamboo/runtime';
import { AdminModule } from './admin.module';
import { loadAdminConfig } from './admin-config';
import { createApiProxy } from './proxy/api-proxy';

async function bootstrap(): Promise<void> {
  const config = loadAdminConfig();
  const app = await NestFactory.create<NestExpressApplication>(AdminModule, { bodyParser: false });
  app.enableShutdownHooks();
  app.use('/api', createApiProxy(config.apiUrl));
  const assets = findConsoleAssets();
  if (assets) app.useStaticAssets(assets, { index: 'index.html' });
  else new Logger('Admin').warn('admin console not built: run `npm run build` (apps/admin/web/dist is missing)');
  await app.listen(config.port, config.host);
}

void bootstrap();
