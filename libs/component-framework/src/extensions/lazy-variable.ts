import type { DataRecord, LazyVariableArgs } from '@bamboo/engine';

/**
 * Base of lazy variables (spec 04): a fresh instance is built for each resolution, with the raw
 * value, the resolved context it may read and the root pipeline data.
 */
export abstract class LazyVariable {
  /** The raw variable value after splice rendering. */
  readonly value: unknown;
  /** Resolved context values (deformatted keys). */
  readonly context: DataRecord;
  /** Root pipeline data (`root_pipeline_data`). */
  readonly pipelineData: DataRecord;
  readonly innerLoop: number;

  constructor(args: LazyVariableArgs) {
    this.value = args.value;
    this.context = args.context;
    this.pipelineData = args.pipelineData;
    this.innerLoop = args.innerLoop;
  }

  abstract getValue(): unknown;
}

export interface LazyVariableClass<T extends LazyVariable = LazyVariable> {
  new (args: LazyVariableArgs): T;
  readonly name: string;
}
