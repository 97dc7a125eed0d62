/**
 * The `data` / `parent_data` object handed to components (spec 07 §3): plain `inputs` and
 * `outputs` records plus the helper methods of the original, in camelCase.
 */
export type DataRecord = Record<string, unknown>;

function assertRecord(value: unknown, what: string): asserts value is DataRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${what} must be an object`);
  }
}

export class DataObject {
  inputs: DataRecord;
  outputs: DataRecord;

  constructor(inputs: DataRecord = {}, outputs: DataRecord = {}) {
    assertRecord(inputs, 'inputs');
    assertRecord(outputs, 'outputs');
    this.inputs = inputs;
    this.outputs = outputs;
  }

  getInputs(): DataRecord {
    return this.inputs;
  }

  getOutputs(): DataRecord {
    return this.outputs;
  }

  getOneOfInputs<T = unknown>(key: string, defaultValue?: T): T {
    return (Object.prototype.hasOwnProperty.call(this.inputs, key) ? this.inputs[key] : defaultValue) as T;
  }

  getOneOfOutputs<T = unknown>(key: string, defaultValue?: T): T {
    return (Object.prototype.hasOwnProperty.call(this.outputs, key) ? this.outputs[key] : defaultValue) as T;
  }

  setOutputs(key: string, value: unknown): true {
    this.outputs[key] = value;
    return true;
  }

  updateOutputs(values: DataRecord): void {
    Object.assign(this.outputs, values);
  }

  resetOutputs(values: DataRecord): true {
    assertRecord(values, 'outputs');
    this.outputs = values;
    return true;
  }

  inputsCopy(): DataRecord {
    return structuredClone(this.inputs);
  }

  outputsCopy(): DataRecord {
    return structuredClone(this.outputs);
  }

  overrideInputs(values: DataRecord): void {
    assertRecord(values, 'inputs');
    this.inputs = values;
  }

  overrideOutputs(values: DataRecord): void {
    assertRecord(values, 'outputs');
    this.outputs = values;
  }

  serializer(): string {
    return JSON.stringify({ inputs: this.inputs, outputs: this.outputs });
  }
}
