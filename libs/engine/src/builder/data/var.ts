import { type Variable, type VariableType } from '../../model';
import { BuilderError } from '../builder.error';
import { cloneJson, setOwn } from '../clone-json';

/**
 * A variable declaration (spec 02 §6, serialised per §9.1). Used in `data.inputs`,
 * `component.inputs` and SubProcess `params`.
 */
export class Var {
  static readonly PLAIN = 'plain';
  static readonly SPLICE = 'splice';
  static readonly LAZY = 'lazy';

  constructor(
    readonly type: VariableType,
    readonly value: unknown,
    readonly customType?: string,
  ) {
    // Preparation cannot create a lazy value without its class code, so fail where the mistake is made.
    if (type === 'lazy' && !customType) throw new BuilderError('A lazy Var needs a customType');
  }

  toJSON(): Variable {
    const json: Variable = { type: this.type, value: cloneJson(this.value) };
    if (this.type === 'lazy') json.custom_type = this.customType;
    return json;
  }
}

/** A variable of a nested pipeline that its parent may override through SubProcess `params`. */
export class DataInput extends Var {
  override toJSON(): Variable {
    return { ...super.toJSON(), is_param: true };
  }
}

/** Serialises a builder variable, or copies a raw variable object as-is (§9.1). */
export function variableToJson(variable: Var | Variable): Variable {
  return variable instanceof Var ? variable.toJSON() : cloneJson(variable);
}

/** Serialises a map of builder or raw variables, keeping key order. */
export function variablesToJson(variables: Record<string, Var | Variable>): Record<string, Variable> {
  const json: Record<string, Variable> = {};
  for (const [key, variable] of Object.entries(variables)) setOwn(json, key, variableToJson(variable));
  return json;
}
