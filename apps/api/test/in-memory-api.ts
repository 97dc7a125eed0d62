import { Global, type INestApplication, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Engine } from '@bamboo/engine';
import { conformanceCatalog, InMemoryHarness } from '@bamboo/testing';
import { ApiHttpModule } from '../src/api-http.module';
import type { ApiTokens } from '../src/common/bearer-auth.guard';
import { configureApiApp } from '../src/configure-api-app';

/** The REST API over an engine on the in-memory runtime: the unit-speed variant of the e2e tests. */
export async function createInMemoryApi(tokens: ApiTokens = {}): Promise<{
  app: INestApplication;
  harness: InMemoryHarness;
}> {
  const harness = new InMemoryHarness({ catalog: conformanceCatalog() });

  @Global()
  @Module({ providers: [{ provide: Engine, useValue: harness.engine }], exports: [Engine] })
  class InMemoryEngineModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [ApiHttpModule.register({ tokens, imports: [InMemoryEngineModule] })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false, bodyParser: false });
  configureApiApp(app, { docs: true });
  await app.init();
  return { app, harness };
}
