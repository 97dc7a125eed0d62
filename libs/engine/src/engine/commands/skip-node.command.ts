import { successorOf } from '../../handlers/node-handler';
import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import type { NodeDefinition, ServiceActivityDefinition } from '../../runtime/node-definition';
import type { NodeStateRecord } from '../../runtime/runtime-records';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';
import { addHistory } from './node-history';
import { OperatorTarget } from './operator-target';

/**
 * `skip_node` (spec 06 A.10): FAILED → FINISHED with `skip`, fresh version, history, and the
 * sleeping process continues at the successor (or the node itself for a loop skip with iterations
 * left). The node's outputs are not copied into the context.
 */
export async function skipNode(
  ctx: CommandContext,
  nodeId: string,
  options: { loopSkip?: boolean } = {},
): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const loopSkip = options.loopSkip ?? false;
  assertSkippable(target.node(), loopSkip);
  const node = target.nodeOfType('ServiceActivity', 'EmptyStartEvent');
  const state = target.stateIn('FAILED');
  const process = target.sleepingProcess();
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  addHistory(ctx, effects, target);
  effects.setState(nodeId, 'FINISHED', { setSkip: true, refreshVersion: true, setArchived: true });
  new ProcessEffects(process, process.taskToken, ctx.services).redispatch(
    effects,
    nextAfterSkip(node, state, loopSkip),
  );
  await commitWithHooks(ctx, effects, {
    pre: { event_type: 'pre_skip_node', data: { node_id: nodeId } },
    post: () => ({ event_type: 'post_skip_node', data: { node_id: nodeId } }),
    componentHooks: ['preSkipNode', 'postSkipNode'],
    target,
  });
}

function assertSkippable(node: NodeDefinition, loopSkip: boolean): void {
  if (!loopSkip) {
    if (!node.canSkip) throw new InvalidOperationError(`node(${node.id}) can not skip`);
    return;
  }
  const loop = node.type === 'ServiceActivity' ? node.loopConfig : undefined;
  if (!loop?.enable || !loop.skippable || !loop.loop_times) {
    throw new InvalidOperationError(`node(${node.id}) can not loop skip`);
  }
}

function nextAfterSkip(
  node: ServiceActivityDefinition | NodeDefinition,
  state: NodeStateRecord,
  loopSkip: boolean,
): string {
  const loopTimes = node.type === 'ServiceActivity' ? node.loopConfig?.loop_times : undefined;
  if (loopSkip && loopTimes !== undefined && state.innerLoop < loopTimes) return node.id;
  return successorOf(node);
}
