import { ItemSchema, type SerializedItemSchema } from './item-schema';

export interface SerializedOutputItem {
  name: string;
  key: string;
  type: string;
  schema: SerializedItemSchema | Record<string, never>;
}

export interface SerializedInputItem extends SerializedOutputItem {
  required: boolean;
}

export interface OutputItemOptions {
  name: string;
  key: string;
  /** Free string; by convention int, string, float, boolean, array, object. */
  type: string;
  schema?: ItemSchema | null;
}

export interface InputItemOptions extends OutputItemOptions {
  required?: boolean;
}

/** Declares one output of a component (spec 07 §5). */
export class OutputItem {
  readonly name: string;
  readonly key: string;
  readonly type: string;
  readonly schema: ItemSchema | null;

  constructor(options: OutputItemOptions) {
    if (options.schema !== null && options.schema !== undefined && !(options.schema instanceof ItemSchema)) {
      throw new TypeError(`item "${options.key}": schema must be an ItemSchema`);
    }
    this.name = options.name;
    this.key = options.key;
    this.type = options.type;
    this.schema = options.schema ?? null;
  }

  serialize(): SerializedOutputItem {
    return { name: this.name, key: this.key, type: this.type, schema: this.schema?.serialize() ?? {} };
  }
}

/** Declares one input of a component; `required` defaults to true. */
export class InputItem extends OutputItem {
  readonly required: boolean;

  constructor(options: InputItemOptions) {
    super(options);
    this.required = options.required ?? true;
  }

  override serialize(): SerializedInputItem {
    const { name, key, type, schema } = super.serialize();
    return { name, key, type, required: this.required, schema };
  }
}

/** Outputs the engine writes on every execution (spec 07 §2.1). */
export const DEFAULT_OUTPUTS: readonly OutputItem[] = [
  new OutputItem({ name: 'execution result', key: '_result', type: 'boolean' }),
  new OutputItem({ name: 'loop times', key: '_loop', type: 'int' }),
  new OutputItem({ name: 'inner loop times', key: '_inner_loop', type: 'int' }),
];
