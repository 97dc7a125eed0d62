import { formatKey } from '../../data/context-keys';
import type { ContextValue, ContextValueType } from '../../runtime/runtime-records';
import { NotFoundError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { withTransitiveReferences } from './context-references';

/** One value to overwrite; `type` accepts the tree spelling (`plain`/`splice`/`lazy`) or the stored one. */
export interface ContextValueUpdate {
  key: string;
  type: string;
  value: unknown;
  code?: string;
}

const TYPES: Record<string, ContextValueType> = {
  plain: 'PLAIN',
  splice: 'SPLICE',
  lazy: 'COMPUTE',
  PLAIN: 'PLAIN',
  SPLICE: 'SPLICE',
  COMPUTE: 'COMPUTE',
};

/**
 * `update_context_values` (spec 06 A.20): overwrites existing values of one pipeline scope and
 * recomputes the references of the whole scope; keys that do not exist are not created.
 */
export async function updateContextValues(
  ctx: CommandContext,
  pipelineId: string,
  updates: ContextValueUpdate[],
): Promise<void> {
  const scope = await ctx.services.runtime.getContext(pipelineId);
  // Every pipeline has its scope from submission on; none and no state either: an unknown id (B.1: 404).
  if (scope.length === 0 && !(await ctx.services.runtime.getState(pipelineId))) {
    throw new NotFoundError(`pipeline(${pipelineId}) does not exist`);
  }
  const byKey = new Map(scope.map((value) => [value.key, value]));
  for (const update of updates) {
    const key = formatKey(update.key);
    if (!byKey.has(key)) continue;
    const changed: ContextValue = { key, type: TYPES[update.type] ?? 'PLAIN', value: update.value, references: [] };
    if (update.code) changed.code = update.code;
    byKey.set(key, changed);
  }
  const values = withTransitiveReferences([...byKey.values()]);
  await ctx.services.runtime.commit({ context: [{ pipelineId, values }] });
}
