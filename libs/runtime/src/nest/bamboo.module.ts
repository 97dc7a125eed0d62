import { ComponentFrameworkModule } from '@bamboo/component-framework/nest';
import { Engine } from '@bamboo/engine';
import { SignalBus } from '@bamboo/signals';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeormEngineRuntime } from '../engine-runtime/typeorm-engine-runtime';
import { PluginExecutionService } from '../plugin-execution/plugin-execution.service';
import { ZombieHealerService } from '../recovery/zombie-healer.service';
import { EngineWorker } from '../worker/engine-worker';
import {
  BAMBOO_DATA_SOURCE,
  BAMBOO_OPTIONS,
  BAMBOO_TASK_QUEUE,
  type BambooModuleAsyncOptions,
  type BambooModuleOptions,
} from './bamboo-module.options';
import { bambooProviders } from './bamboo.providers';

const EXPORTS = [
  ZombieHealerService,
  Engine,
  TypeormEngineRuntime,
  EngineWorker,
  PluginExecutionService,
  SignalBus,
  BAMBOO_DATA_SOURCE,
  BAMBOO_TASK_QUEUE,
];

/**
 * The engine for a Nest application: data source (own or the host's), task queue (Bull with a
 * Redis URL, in-process otherwise), component registry, signal bus, the `Engine` provider and,
 * with `runWorkers`, the queue consumers. Global, so that any module can inject `Engine`.
 */
@Module({})
export class BambooModule {
  static forRoot(options: BambooModuleOptions): DynamicModule {
    return {
      module: BambooModule,
      global: true,
      imports: [componentModule(options)],
      providers: [{ provide: BAMBOO_OPTIONS, useValue: options }, ...bambooProviders, ZombieHealerService],
      exports: EXPORTS,
    };
  }

  static forRootAsync(options: BambooModuleAsyncOptions): DynamicModule {
    return {
      module: BambooModule,
      global: true,
      imports: [...(options.imports ?? []), componentModule(options)],
      providers: [
        { provide: BAMBOO_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        ...bambooProviders,
        ZombieHealerService,
      ],
      exports: EXPORTS,
    };
  }
}

function componentModule(
  options: Pick<BambooModuleOptions, 'components' | 'componentProviders' | 'componentImports' | 'registry'>,
) {
  return ComponentFrameworkModule.forRoot({
    components: options.components,
    providers: options.componentProviders,
    imports: options.componentImports,
    registry: options.registry,
  });
}
