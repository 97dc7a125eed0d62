import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type ModuleMetadata,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { API_TOKENS, type ApiTokens, BearerAuthGuard } from './common/bearer-auth.guard';
import { RequestIdMiddleware } from './common/request-id.middleware';
import { HealthController } from './health/health.controller';
import { NodesController } from './nodes/nodes.controller';
import { PipelineTreesController } from './pipeline-trees/pipeline-trees.controller';
import { IdempotencyStore } from './pipelines/idempotency.store';
import { PipelinesController } from './pipelines/pipelines.controller';

export interface ApiHttpModuleOptions {
  tokens: ApiTokens;
  /** Modules that provide the `Engine` (BambooModule in the apps, an in-memory engine in tests). */
  imports: ModuleMetadata['imports'];
}

/** The REST API: controllers, the error filter, the token guard and request ids. */
@Module({})
export class ApiHttpModule implements NestModule {
  static register(options: ApiHttpModuleOptions): DynamicModule {
    return {
      module: ApiHttpModule,
      imports: options.imports,
      controllers: [HealthController, PipelinesController, NodesController, PipelineTreesController],
      providers: [
        IdempotencyStore,
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
