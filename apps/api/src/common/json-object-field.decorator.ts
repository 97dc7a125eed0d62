import 'reflect-metadata';

const JSON_OBJECT_FIELDS = 'bamboo:json-object-fields';

/**
 * Marks a DTO property holding free-form JSON (a pipeline tree, component inputs, callback data).
 * The validation pipe checks that it is a JSON object and hands it over untouched: class-transformer
 * would otherwise copy it key by key, which costs ~30 µs per key and turns a 25,000-key body into
 * most of a second of CPU (a denial-of-service lever).
 */
export function JsonObjectField(): PropertyDecorator {
  return (target, propertyKey) => {
    const fields = (Reflect.getMetadata(JSON_OBJECT_FIELDS, target.constructor) as string[] | undefined) ?? [];
    Reflect.defineMetadata(JSON_OBJECT_FIELDS, [...fields, String(propertyKey)], target.constructor);
  };
}

export function jsonObjectFieldsOf(type: unknown): string[] {
  if (typeof type !== 'function') return [];
  return (Reflect.getMetadata(JSON_OBJECT_FIELDS, type) as string[] | undefined) ?? [];
}
