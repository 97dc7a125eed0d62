import { type DynamicModule, Module } from '@nestjs/common';
import {
  BAMBOO_DATA_SOURCE,
  type BambooConfig,
  BambooModule,
  type BambooModuleOptions,
  PipelineQueryService,
} from '@bamboo/runtime';
import { ApiHttpModule } from './api-http.module';

/** Read models the API serves besides the engine (task list, pipeline detail). */
@Module({
  providers: [
    {
      provide: PipelineQueryService,
      inject: [BAMBOO_DATA_SOURCE],
      useFactory: (dataSource: ConstructorParameters<typeof PipelineQueryService>[0]) =>
        new PipelineQueryService(dataSource),
    },
  ],
  exports: [PipelineQueryService],
})
class ApiReadModelsModule {}

/**
 * The API process. In embedded mode (no Redis URL) it is the all-in-one process: it also consumes
 * the in-process queues, so one `npm start` runs everything.
 */
@Module({})
export class ApiModule {
  /** `overrides` lets tests and hosts supply a registry or run workers in distributed mode too. */
  static forConfig(config: BambooConfig, overrides: Partial<BambooModuleOptions> = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        BambooModule.forRoot({ ...config, runWorkers: config.mode === 'embedded', ...overrides }),
        ApiHttpModule.register({
          tokens: { token: config.apiToken, readToken: config.apiReadToken },
          imports: [ApiReadModelsModule],
        }),
      ],
    };
  }
}
