import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type ModuleMetadata,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { API_TOKENS, type ApiTokens, BearerAuthGuard } from './common/bearer-auth.guard';
import { RequestIdMiddleware } from './common/request-id.middleware';
import { ComponentsController } from './components/components.controller';
import { CallbackFastPath } from './nodes/callback-fast-path';
import { EngineStatusController } from './engine-status/engine-status.controller';
import { ApiObservabilityModule } from './health/api-observability.module';
import { HealthController } from './health/health.controller';
import { NodeCommandsController } from './nodes/node-commands.controller';
import { NodesController } from './nodes/nodes.controller';
import { PipelineTreesController } from './pipeline-trees/pipeline-trees.controller';
import { IdempotencyStore } from './pipelines/idempotency.store';
import { PipelineCommandsController } from './pipelines/pipeline-commands.controller';
import { PipelinesController } from './pipelines/pipelines.controller';
import { PluginExecutionsController } from './plugin-executions/plugin-executions.controller';
import { RollbacksController } from './rollbacks/rollbacks.controller';

export interface ApiHttpModuleOptions {
  tokens: ApiTokens;
  /**
   * Modules that provide `Engine`, `ComponentRegistry`, `PipelineQueryService` and
   * `PluginExecutionService` (BambooModule in the apps, an in-memory engine in the fast tests).
   */
  imports: ModuleMetadata['imports'];
}

/** The REST API: controllers, the error filter, the token guard and request ids. */
@Module({})
export class ApiHttpModule implements NestModule {
  static register(options: ApiHttpModuleOptions): DynamicModule {
    return {
      module: ApiHttpModule,
      imports: [...(options.imports ?? []), ApiObservabilityModule],
      controllers: [
        HealthController,
        AuthController,
        PipelinesController,
        PipelineCommandsController,
        RollbacksController,
        NodesController,
        NodeCommandsController,
        PipelineTreesController,
        ComponentsController,
        PluginExecutionsController,
        EngineStatusController,
      ],
      providers: [
        IdempotencyStore,
        CallbackFastPath,
        { provide: API_TOKENS, useValue: options.tokens },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_GUARD,
          useFactory: (reflector: Reflector, tokens: ApiTokens) => new BearerAuthGuard(reflector, tokens),
          inject: [Reflector, API_TOKENS],
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*path');
  }
}
