import { type PipelineData, type Variable } from '../../model';
import { cloneJson } from '../clone-json';
import { type Var, variablesToJson } from './var';

/** The `data` block of a pipeline: variables, exported outputs and pre-render keys. */
export class Data {
  inputs: Record<string, Var | Variable>;
  outputs: string[];
  preRenderKeys: string[];

  constructor(opts: { inputs?: Record<string, Var | Variable>; outputs?: string[]; preRenderKeys?: string[] } = {}) {
    this.inputs = opts.inputs ?? {};
    this.outputs = opts.outputs ?? [];
    this.preRenderKeys = opts.preRenderKeys ?? [];
  }

  toJSON(): PipelineData {
    return {
      inputs: variablesToJson(this.inputs),
      outputs: [...this.outputs],
      pre_render_keys: [...this.preRenderKeys],
    };
  }
}

/** SubProcess `params`: values for nested context keys, rendered in the parent context. */
export class Params {
  params: Record<string, Var | Variable>;

  constructor(params: Record<string, Var | Variable> = {}) {
    this.params = params;
  }

  toJSON(): Record<string, Variable> {
    return variablesToJson(this.params);
  }
}

export function pipelineDataToJson(data: Data | PipelineData | undefined): PipelineData {
  if (data instanceof Data) return data.toJSON();
  return data ? cloneJson(data) : { inputs: {}, outputs: [] };
}

export function paramsToJson(params: Params | Record<string, Var | Variable> | undefined): Record<string, Variable> {
  if (params instanceof Params) return params.toJSON();
  return variablesToJson(params ?? {});
}
