/** Serialised schema shape of spec 07 §5 (`items` / `properties` only on array / object schemas). */
export interface SerializedItemSchema {
  type: string;
  description: string;
  enum: unknown[];
  items?: SerializedItemSchema;
  properties?: Record<string, SerializedItemSchema>;
}

export interface ItemSchemaOptions {
  description?: string;
  enum?: unknown[];
}

/** Descriptive schema of one input or output item; the engine never enforces it at run time. */
export abstract class ItemSchema {
  abstract readonly type: string;
  readonly description: string;
  readonly enum: unknown[];

  constructor(options: ItemSchemaOptions = {}) {
    this.description = options.description ?? '';
    this.enum = options.enum ?? [];
  }

  serialize(): SerializedItemSchema {
    return { type: this.type, description: this.description, enum: this.enum };
  }
}

export class IntItemSchema extends ItemSchema {
  readonly type = 'int';
}

export class StringItemSchema extends ItemSchema {
  readonly type = 'string';
}

export class FloatItemSchema extends ItemSchema {
  readonly type = 'float';
}

export class BooleanItemSchema extends ItemSchema {
  readonly type = 'boolean';
}

export class ArrayItemSchema extends ItemSchema {
  readonly type = 'array';
  readonly itemSchema: ItemSchema;

  constructor(options: ItemSchemaOptions & { itemSchema: ItemSchema }) {
    super(options);
    if (!(options.itemSchema instanceof ItemSchema)) {
      throw new TypeError('ArrayItemSchema itemSchema must be an ItemSchema');
    }
    this.itemSchema = options.itemSchema;
  }

  override serialize(): SerializedItemSchema {
    return { ...super.serialize(), items: this.itemSchema.serialize() };
  }
}

export class ObjectItemSchema extends ItemSchema {
  readonly type = 'object';
  readonly propertySchemas: Record<string, ItemSchema>;

  constructor(options: ItemSchemaOptions & { propertySchemas: Record<string, ItemSchema> }) {
    super(options);
    const properties: unknown = options.propertySchemas;
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      throw new TypeError('ObjectItemSchema propertySchemas must be an object of ItemSchema');
    }
    for (const [key, schema] of Object.entries(properties)) {
      if (!(schema instanceof ItemSchema)) {
        throw new TypeError(`ObjectItemSchema property "${key}" must be an ItemSchema`);
      }
    }
    this.propertySchemas = options.propertySchemas;
  }

  override serialize(): SerializedItemSchema {
    const properties: Record<string, SerializedItemSchema> = {};
    for (const [key, schema] of Object.entries(this.propertySchemas)) properties[key] = schema.serialize();
    return { ...super.serialize(), properties };
  }
}
