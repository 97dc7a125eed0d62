import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { loadBambooConfig } from '@bamboo/runtime';
import {
  createTestDatabase,
  dropTestDatabase,
  randomQueuePrefix,
  TEST_MYSQL_URL,
  TEST_REDIS_URL,
} from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiModule } from '../../src/api.module';
import { configureApiApp } from '../../src/configure-api-app';
import { e2eRegistry } from './e2e-components';

export interface RealApi {
  app: INestApplication;
  close(): Promise<void>;
}

export type RealApiFactory = (env?: Record<string, string>) => Promise<RealApi>;

async function boot(env: Record<string, string>): Promise<INestApplication> {
  const config = loadBambooConfig({ PORT: '0', ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.forConfig(config, { registry: e2eRegistry(), runWorkers: true })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'], bodyParser: false });
  configureApiApp(app);
  await app.init();
  return app;
}

/** The all-in-one process on a fresh SQLite file with the in-process queue. */
export const embeddedApi: RealApiFactory = async (env = {}) => {
  const directory = mkdtempSync(join(tmpdir(), 'bamboo-api-e2e-'));
  const app = await boot({ BAMBOO_DB_URL: `sqlite:${join(directory, 'bamboo.sqlite')}`, ...env });
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};

/** MySQL (a fresh database) + Bull on Redis (a fresh key prefix), workers in the same process. */
export const distributedApi: RealApiFactory = async (env = {}) => {
  const database = await createTestDatabase('api');
  const app = await boot({
    BAMBOO_DB_URL: database.url,
    BAMBOO_REDIS_URL: TEST_REDIS_URL,
    BAMBOO_QUEUE_PREFIX: randomQueuePrefix('api'),
    ...env,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await dropTestDatabase(database.name);
    },
  };
};

export { TEST_MYSQL_URL };
