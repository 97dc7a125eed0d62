import { type SourceActRef, type Variable, type VariableType } from '../../model';
import { cloneJson } from '../clone-json';
import { Var } from './var';

/** Declares a context key filled from one output of one node (`source_act` + `source_key`). */
export class NodeOutput extends Var {
  readonly sourceAct: string;
  readonly sourceKey: string;

  constructor(opts: { sourceAct: string; sourceKey: string; type?: VariableType }) {
    // The type is serialised but has no effect: the key receives the node's output value as-is.
    super(opts.type ?? 'plain', null);
    this.sourceAct = opts.sourceAct;
    this.sourceKey = opts.sourceKey;
  }

  override toJSON(): Variable {
    return { ...super.toJSON(), source_act: this.sourceAct, source_key: this.sourceKey };
  }
}

/** Declares a context key that several node outputs may write (the last writer wins at run time). */
export class RewritableNodeOutput extends Var {
  readonly sourceAct: SourceActRef[];

  constructor(opts: { sourceAct: SourceActRef[]; type?: VariableType }) {
    super(opts.type ?? 'plain', null);
    this.sourceAct = opts.sourceAct;
  }

  override toJSON(): Variable {
    return { ...super.toJSON(), source_act: cloneJson(this.sourceAct) };
  }
}

/** A RewritableNodeOutput whose key also exists, with `value`, before any source node ran. */
export class InitializedRewritableNodeOutput extends Var {
  readonly sourceAct: SourceActRef[];

  constructor(opts: { sourceAct: SourceActRef[]; type: VariableType; value: unknown; customType?: string }) {
    super(opts.type, opts.value, opts.customType);
    this.sourceAct = opts.sourceAct;
  }

  override toJSON(): Variable {
    return { ...super.toJSON(), source_act: cloneJson(this.sourceAct), need_initialization: true };
  }
}
