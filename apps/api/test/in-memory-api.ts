import { Global, type INestApplication, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ComponentRegistry, registerBuiltinComponents } from '@bamboo/component-framework';
import { Engine } from '@bamboo/engine';
import { createBambooDataSource, PipelineQueryService } from '@bamboo/runtime';
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
  const registry = new ComponentRegistry();
  registerBuiltinComponents(registry);
  // The task list reads the runtime's tables; an empty in-memory SQLite database serves it here.
  const dataSource = await createBambooDataSource({ database: { kind: 'sqlite', path: ':memory:' } }).initialize();

  @Global()
  @Module({
    providers: [
      { provide: Engine, useValue: harness.engine },
      { provide: ComponentRegistry, useValue: registry },
      { provide: PipelineQueryService, useValue: new PipelineQueryService(dataSource) },
    ],
    exports: [Engine, ComponentRegistry, PipelineQueryService],
  })
  class InMemoryEngineModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [ApiHttpModule.register({ tokens, imports: [InMemoryEngineModule] })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false, bodyParser: false });
  configureApiApp(app, { docs: true });
  await app.init();
  app.enableShutdownHooks();
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await dataSource.destroy();
  };
  return { app, harness };
}
