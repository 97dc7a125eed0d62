import { type Condition, type DefaultCondition } from '../../model';
import { BuilderError } from '../builder.error';
import { Element, type ElementOptions } from './element';

export interface ConditionGatewayOptions extends ElementOptions {
  /** Condition expression per branch index (0 = first element passed to `connect`/`extend`). */
  conditions?: Record<number, string>;
  /** Branch index taken when no condition is true. */
  defaultConditionOutgoing?: number;
  /** Passed to the condition evaluator (e.g. `{strategy: 'FIRST'}`). */
  extraInfo?: Record<string, unknown>;
}

/**
 * Takes the branch whose condition is true. Conditions are bound to branches by index because
 * flow ids only exist once `buildTree` runs.
 */
export class ExclusiveGateway extends Element {
  conditions: Record<number, string>;
  defaultConditionOutgoing?: number;
  extraInfo?: Record<string, unknown>;

  constructor(opts: ConditionGatewayOptions = {}) {
    super(opts);
    this.conditions = { ...opts.conditions };
    this.defaultConditionOutgoing = opts.defaultConditionOutgoing;
    this.extraInfo = opts.extraInfo;
  }

  type(): 'ExclusiveGateway' | 'ConditionalParallelGateway' {
    return 'ExclusiveGateway';
  }

  addCondition(index: number, expression: string): void {
    this.conditions[index] = expression;
  }

  /** `{flowId: {evaluate}}` in branch order; every branch needs a condition (spec 02 §9.2). */
  linkConditions(flowIds: readonly string[]): Record<string, Condition> {
    const extra = Object.keys(this.conditions)
      .map(Number)
      .filter((index) => !(index >= 0 && index < flowIds.length));
    // A condition on a branch that does not exist would be silently dropped by the original.
    if (extra.length > 0) {
      throw new BuilderError(`Gateway ${this.id} has conditions for missing branches ${extra.join(', ')}`, {
        elementId: this.id,
      });
    }
    const linked: Record<string, Condition> = {};
    flowIds.forEach((flowId, index) => {
      const evaluate = this.conditions[index];
      if (evaluate === undefined) {
        throw new BuilderError(`Gateway ${this.id} has no condition for branch ${index}`, { elementId: this.id });
      }
      linked[flowId] = { evaluate };
    });
    return linked;
  }

  linkDefaultCondition(flowIds: readonly string[]): DefaultCondition {
    if (this.defaultConditionOutgoing === undefined) return {};
    const flowId = flowIds[this.defaultConditionOutgoing];
    if (flowId === undefined) {
      throw new BuilderError(`Gateway ${this.id} has no branch ${this.defaultConditionOutgoing} for its default`, {
        elementId: this.id,
      });
    }
    return { flow_id: flowId };
  }
}

/** Like ExclusiveGateway, but forks every branch whose condition is true. */
export class ConditionalParallelGateway extends ExclusiveGateway {
  override type(): 'ConditionalParallelGateway' {
    return 'ConditionalParallelGateway';
  }
}
