import { Global, type INestApplication, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ComponentRegistry, registerBuiltinComponents } from '@bamboo/component-framework';
import { Engine } from '@bamboo/engine';
import {
  createBambooDataSource,
  InProcessTaskQueue,
  PipelineQueryService,
  PluginExecutionService,
  PluginExecutionWorker,
} from '@bamboo/runtime';
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
  // Plugin executions run on the same database with an in-process queue of their own.
  const pluginQueue = new InProcessTaskQueue();
  const plugins = new PluginExecutionService({ dataSource, queue: pluginQueue, catalog: registry });
  await new PluginExecutionWorker(plugins, pluginQueue).start();

  @Global()
  @Module({
    providers: [
      { provide: Engine, useValue: harness.engine },
      { provide: ComponentRegistry, useValue: registry },
      { provide: PipelineQueryService, useValue: new PipelineQueryService(dataSource) },
      { provide: PluginExecutionService, useValue: plugins },
    ],
    exports: [Engine, ComponentRegistry, PipelineQueryService, PluginExecutionService],
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
    await pluginQueue.close();
    await dataSource.destroy();
  };
  return { app, harness };
}
