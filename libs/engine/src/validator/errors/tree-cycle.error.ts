import { TreeInvalidError } from '../../model/tree-invalid.error';

export const TREE_CYCLE = 'TREE_CYCLE';

/** The graph has a cycle and `cycle_tolerate` is off (spec 05 §4); `cycle` is e.g. `[n2, n3, n2]`. */
export class TreeCycleError extends TreeInvalidError {
  constructor(readonly cycle: string[]) {
    super(TREE_CYCLE, 'pipeline graph has circle', { error_data: cycle });
  }
}
