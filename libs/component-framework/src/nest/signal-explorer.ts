import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { getOnSignalMetadata, SignalBus, type SignalMap, type SignalName } from '@bamboo/signals';

/**
 * Registers every `@OnSignal` method of singleton providers and controllers on the bus at module
 * init. Request-scoped and transient providers have no single instance to call, so they are skipped
 * with a warning.
 */
@Injectable()
export class SignalExplorer implements OnModuleInit {
  private readonly logger = new Logger('SignalExplorer');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly bus: SignalBus,
  ) {}

  onModuleInit(): void {
    const wrappers = [...this.discovery.getProviders(), ...this.discovery.getControllers()];
    for (const wrapper of wrappers) {
      const instance: unknown = wrapper.instance;
      if (instance === null || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      const handlers = this.scanner
        .getAllMethodNames(prototype)
        .map((method) => ({ method, entries: getOnSignalMetadata((instance as Record<string, unknown>)[method]) }))
        .filter(({ entries }) => entries.length > 0);
      if (handlers.length === 0) continue;
      if (!wrapper.isDependencyTreeStatic() || wrapper.isTransient) {
        this.logger.warn(`${String(wrapper.name)} is not a singleton; its @OnSignal handlers are ignored`);
        continue;
      }
      for (const { method, entries } of handlers) {
        for (const entry of entries) this.register(instance as Record<string, unknown>, method, entry.signal, entry);
      }
    }
  }

  private register(
    instance: Record<string, unknown>,
    method: string,
    signal: SignalName,
    options: { critical?: boolean },
  ): void {
    const handler = instance[method] as (payload: SignalMap[SignalName]) => void | Promise<void>;
    this.bus.on(signal, (payload) => handler.call(instance, payload), { critical: options.critical === true });
  }
}
