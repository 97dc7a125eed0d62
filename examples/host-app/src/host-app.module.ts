import { ComponentRegistry } from '@bamboo/component-framework';
import { BambooModule, loadBambooConfig } from '@bamboo/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { GreeterDirectory } from './greeter-directory';
import { GreetingService } from './greeting.component';
import { OrdersController } from './orders.controller';

/**
 * The host application: BambooModule is global, so OrdersController injects `Engine` directly.
 * Workers run in this process (the embedded shape); a separate worker deployment would boot the
 * same module with `runWorkers: false` here and `true` there.
 */
@Module({})
export class HostAppModule {
  static forEnv(env: Readonly<Record<string, string | undefined>> = process.env): DynamicModule {
    return {
      module: HostAppModule,
      imports: [
        BambooModule.forRoot({
          ...loadBambooConfig(env),
          runWorkers: true,
          registry: new ComponentRegistry(),
          components: [GreetingService],
          componentProviders: [GreeterDirectory],
        }),
      ],
      controllers: [OrdersController],
    };
  }
}
