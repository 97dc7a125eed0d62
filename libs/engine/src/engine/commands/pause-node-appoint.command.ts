import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { OperatorHooks } from './operator-hooks';
import { OperatorTarget } from './operator-target';

/**
 * `pause_node_appoint` (spec 06 A.6): books a pause on a node. The node goes SUSPENDED (created
 * with empty root/parent ids when it has no state); the process that later reaches it fills the
 * ids and is suspended by the node. Decision: only a node without state or READY/LOOP_READY.
 */
export async function pauseNodeAppoint(ctx: CommandContext, nodeId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const node = target.node();
  if (node.type === 'SubProcess') throw new InvalidOperationError(`can not pause subprocess node(${nodeId})`);
  const state = target.snapshot.state;
  if (state) target.stateIn('READY', 'LOOP_READY');
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  effects.setState(nodeId, 'SUSPENDED');
  const live = target.snapshot.processesOnNode.length > 0;
  const hooks = new OperatorHooks(ctx);
  const pre = { node_id: nodeId };
  await hooks.event({ event_type: 'pre_pause_node', data: pre });
  if (live) await hooks.component('prePauseNode', node, target.snapshot.executionData);
  await effects.flush();
  if (live) await hooks.component('postPauseNode', node, target.snapshot.executionData);
  await hooks.event({ event_type: 'post_pause_node', data: pre });
}
