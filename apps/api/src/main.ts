import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { defaultRegistry, loadComponentModules } from '@bamboo/component-framework';
import { findConsoleAssets, loadBambooConfig, nestLogLevels } from '@bamboo/runtime';
import { ApiModule } from './api.module';
import { configureApiApp } from './configure-api-app';

async function bootstrap(): Promise<void> {
  const config = loadBambooConfig();
  const logger = new Logger('bamboo');
  // User components register themselves into the default registry when their modules load.
  loadComponentModules([...config.componentModules], defaultRegistry);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forConfig(config), {
    bodyParser: false,
    logger: nestLogLevels(config.logLevel),
  });
  configureApiApp(app);
  if (config.mode === 'embedded') {
    const assets = findConsoleAssets();
    if (assets) app.useStaticAssets(assets, { prefix: '/admin', index: 'index.html' });
    else logger.warn('admin console not built: run `npm run build` to serve it at /admin');
  }
  // Without an API token the server must not be reachable from other machines.
  const host = config.apiToken ? '0.0.0.0' : '127.0.0.1';
  await app.listen(config.port, host);
  logger.log(`${config.mode} mode: REST API on http://${host}:${config.port}/api/v1, docs at /docs`);
}

bootstrap().catch((error: unknown) => {
  new Logger('bamboo').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
