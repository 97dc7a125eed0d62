import type { SignalHandlerOptions } from './signal-bus';
import type { SignalName } from './signal-map';

export const ON_SIGNAL_METADATA = 'bamboo:on-signal';

export interface OnSignalMetadata extends SignalHandlerOptions {
  signal: SignalName;
}

/**
 * Marks a method as a handler of `signal`. It only records metadata on the method; a host
 * integration (the Nest explorer in @bamboo/component-framework) registers it on a bus.
 * Stored as a list so one method can listen to several signals.
 */
export function OnSignal(signal: SignalName, options: SignalHandlerOptions = {}): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const method: unknown = descriptor.value;
    if (typeof method !== 'function') {
      throw new TypeError(`@OnSignal('${signal}') can only decorate methods`);
    }
    const existing = getOnSignalMetadata(method);
    const entry: OnSignalMetadata = { signal, ...options };
    const entries = [...existing, entry];
    Reflect.defineProperty(method, ON_SIGNAL_METADATA, { value: entries, configurable: true });
    // Mirror into reflect-metadata when a host loaded it, so Nest's Reflector can read it too.
    const reflect = Reflect as unknown as Partial<MetadataReflect>;
    reflect.defineMetadata?.(ON_SIGNAL_METADATA, entries, method);
  };
}

interface MetadataReflect {
  defineMetadata(key: string, value: unknown, target: object): void;
}

/** The `@OnSignal` entries recorded on a method (empty when it has none). */
export function getOnSignalMetadata(method: unknown): OnSignalMetadata[] {
  if (typeof method !== 'function') return [];
  const value = (method as unknown as Record<string, unknown>)[ON_SIGNAL_METADATA];
  return Array.isArray(value) ? (value as OnSignalMetadata[]) : [];
}
