import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SignalBus, type SignalBusLogger } from '@bamboo/signals';
import { SignalExplorer } from './signal-explorer';

export interface SignalsModuleOptions {
  /** An existing bus (e.g. shared with the engine); a new one logging through Nest otherwise. */
  bus?: SignalBus;
}

function nestLogger(): SignalBusLogger {
  const logger = new Logger('SignalBus');
  return { error: (message, context) => logger.error(message, (context.error as Error | undefined)?.stack) };
}

/**
 * Provides the `SignalBus` and wires `@OnSignal` methods of providers to it (spec 08 §6.1). Lives in
 * the component framework because `@bamboo/signals` stays free of Nest.
 */
@Module({})
export class SignalsModule {
  static forRoot(options: SignalsModuleOptions = {}): DynamicModule {
    return {
      module: SignalsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: SignalBus, useFactory: () => options.bus ?? new SignalBus({ logger: nestLogger() }) },
        SignalExplorer,
      ],
      exports: [SignalBus],
    };
  }
}
