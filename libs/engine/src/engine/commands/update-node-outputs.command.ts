import { deformatKey, formatKey } from '../../data/context-keys';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { withTransitiveReferences } from './context-references';
import { OperatorTarget } from './operator-target';

/**
 * `update_node_outputs` (spec 06 A.19): before a skip, an operator supplies what a FAILED node
 * should have produced: existing root-context keys are overwritten (type and code kept) and the
 * pairs are merged into the node's execution outputs, in one commit. Decision: an audit log line
 * (the `execution_data_updated` event is not in the signal vocabulary of `@bamboo/signals` yet).
 */
export async function updateNodeOutputs(
  ctx: CommandContext,
  rootPipelineId: string,
  nodeId: string,
  contextValues: Record<string, unknown>,
): Promise<void> {
  const root = await OperatorTarget.load(ctx, rootPipelineId);
  if (root.snapshot.state?.name !== 'RUNNING') {
    throw new InvalidOperationError(`update pipeline context failed: pipeline(${rootPipelineId}) is not RUNNING`);
  }
  const target = await OperatorTarget.load(ctx, nodeId);
  if (target.snapshot.state?.name !== 'FAILED') {
    throw new InvalidOperationError(`update pipeline context failed: node(${nodeId}) is not FAILED`);
  }
  if ('${_system}' in contextValues) throw new InvalidOperationError('update pipeline context failed: ${_system}');
  const scope = await ctx.services.runtime.getContext(rootPipelineId);
  const updated = scope.map((value) =>
    value.key in contextValues ? { ...value, value: contextValues[value.key] } : value,
  );
  const outputs = { ...target.snapshot.executionData?.outputs };
  for (const [key, value] of Object.entries(contextValues)) outputs[deformatKey(formatKey(key))] = value;
  await ctx.services.runtime.commit({
    context: [{ pipelineId: rootPipelineId, values: withTransitiveReferences(updated) }],
    executionOutputs: [{ nodeId, outputs }],
  });
  ctx.services.logger.info('node outputs updated by an operator', {
    rootPipelineId,
    nodeId,
    keys: Object.keys(contextValues),
  });
}
