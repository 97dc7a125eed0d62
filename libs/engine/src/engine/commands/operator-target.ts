import type { NodeDefinition } from '../../runtime/node-definition';
import type { NodeStateRecord, ProcessRecord } from '../../runtime/runtime-records';
import { InvalidOperationError, NotFoundError } from '../../runtime/runtime.errors';
import type { OperatorSnapshot } from '../../runtime/step-snapshot';
import type { NodeStateName } from '../../states/node-state';
import type { CommandContext } from './command-context';

/**
 * The one read of an operator command and the precondition checks of spec 06 A.1, phrased over
 * that snapshot so every command checks the same way and raises the same typed errors.
 */
export class OperatorTarget {
  private constructor(
    readonly id: string,
    readonly snapshot: OperatorSnapshot,
  ) {}

  static async load(ctx: CommandContext, id: string): Promise<OperatorTarget> {
    return new OperatorTarget(id, await ctx.services.runtime.loadOperatorTarget(id));
  }

  /** The node's definition; `NotFoundError` when no run holds it. */
  node(): NodeDefinition {
    const node = this.snapshot.node;
    if (!node) throw new NotFoundError(`node(${this.id}) does not exist`);
    return node;
  }

  /** The node's definition, required to be one of `types`. */
  nodeOfType<T extends NodeDefinition['type']>(...types: T[]): NodeDefinition & { type: T } {
    const node = this.node();
    if (!(types as string[]).includes(node.type)) {
      throw new InvalidOperationError(`node(${this.id}) is a ${node.type}, expected ${types.join(' or ')}`);
    }
    return node as NodeDefinition & { type: T };
  }

  /** The state record; `NotFoundError` when none exists. */
  state(): NodeStateRecord {
    const state = this.snapshot.state;
    if (!state) throw new NotFoundError(`state of node(${this.id}) does not exist`);
    return state;
  }

  /** The state record, required to be in one of `names` (`InvalidOperationError` otherwise). */
  stateIn(...names: NodeStateName[]): NodeStateRecord {
    const state = this.state();
    if (!names.includes(state.name)) {
      throw new InvalidOperationError(`node(${this.id}) state is: ${state.name}, expected ${names.join(' or ')}`, {
        nodeId: this.id,
        state: state.name,
      });
    }
    return state;
  }

  /** The unique sleeping process whose current node is this node (spec 06 A.1). */
  sleepingProcess(): ProcessRecord {
    const sleeping = this.snapshot.processesOnNode.filter((process) => process.asleep);
    if (sleeping.length === 0) {
      throw new InvalidOperationError(`can not find sleep process with current node id: ${this.id}`);
    }
    if (sleeping.length > 1) throw new InvalidOperationError(`multiple sleep process with current node id: ${this.id}`);
    return sleeping[0]!;
  }

  /** The live (not dead) process whose current node is this node (`forced_fail_activity`). */
  liveProcess(): ProcessRecord {
    const live = this.snapshot.processesOnNode[0];
    if (!live) throw new InvalidOperationError(`can not find live process with current node id: ${this.id}`);
    return live;
  }
}
