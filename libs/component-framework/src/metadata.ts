/**
 * Class metadata stored as a non-enumerable own property under the documented key, so that
 * subclasses do not inherit it and no reflect-metadata polyfill is required. When a host has
 * loaded reflect-metadata (Nest does), it is mirrored there too for `Reflector` users.
 */
interface MetadataReflect {
  defineMetadata(key: string, value: unknown, target: object): void;
}

export function defineOwnMetadata(target: object, key: string, value: unknown): void {
  Reflect.defineProperty(target, key, { value, configurable: true, enumerable: false, writable: false });
  (Reflect as unknown as Partial<MetadataReflect>).defineMetadata?.(key, value, target);
}

export function getOwnMetadata<T>(target: unknown, key: string): T | undefined {
  if (typeof target !== 'function' && (typeof target !== 'object' || target === null)) return undefined;
  return Object.prototype.hasOwnProperty.call(target, key)
    ? ((target as Record<string, unknown>)[key] as T)
    : undefined;
}
