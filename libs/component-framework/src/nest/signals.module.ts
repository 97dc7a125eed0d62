import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SignalBus, SignalBusPublisher, type DomainEventOptions, type SignalBusLogger } from '@bamboo/signals';
import { DOMAIN_EVENT_OPTIONS, DomainEventsBridge } from './domain-events.bridge';
import { SignalExplorer } from './signal-explorer';

export interface SignalsModuleOptions {
  /** An existing bus (e.g. shared with the engine); a new one logging through Nest otherwise. */
  bus?: SignalBus;
  /**
   * Derive the domain events of spec 08 §5 from `post_set_state` (true, or options telling which
   * failed nodes are forced activities). Off when false. @default true
   */
  domainEvents?: boolean | DomainEventOptions;
}

function nestLogger(): SignalBusLogger {
  const logger = new Logger('SignalBus');
  return { error: (message, context) => logger.error(message, (context.error as Error | undefined)?.stack) };
}

/**
 * Provides the `SignalBus`, the engine's publisher over it (`SignalBusPublisher`, to pass as the
 * engine's `signals` option) and wires `@OnSignal` methods of providers to the bus (spec 08 §6.1).
 * Lives in the component framework because `@bamboo/signals` stays free of Nest.
 */
@Module({})
export class SignalsModule {
  static forRoot(options: SignalsModuleOptions = {}): DynamicModule {
    const domainEvents = options.domainEvents ?? true;
    const bridge: Provider[] =
      domainEvents === false
        ? []
        : [{ provide: DOMAIN_EVENT_OPTIONS, useValue: domainEvents === true ? {} : domainEvents }, DomainEventsBridge];
    return {
      module: SignalsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: SignalBus, useFactory: () => options.bus ?? new SignalBus({ logger: nestLogger() }) },
        {
          provide: SignalBusPublisher,
          useFactory: (bus: SignalBus) => new SignalBusPublisher(bus),
          inject: [SignalBus],
        },
        SignalExplorer,
        ...bridge,
      ],
      exports: [SignalBus, SignalBusPublisher],
    };
  }
}
