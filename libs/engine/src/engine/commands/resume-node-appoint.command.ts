import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { OperatorHooks } from './operator-hooks';
import { OperatorTarget } from './operator-target';

/**
 * `resume_node_appoint` (spec 06 A.7): SUSPENDED → READY; processes suspended by the node are
 * re-dispatched at it. Resumed before any process arrived, the booking is simply cancelled.
 * Decision: requires SUSPENDED; the read-only component hooks fire when a process was waiting.
 */
export async function resumeNodeAppoint(ctx: CommandContext, nodeId: string): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const node = target.node();
  if (node.type === 'SubProcess') throw new InvalidOperationError(`can not resume subprocess node(${nodeId})`);
  const state = target.stateIn('SUSPENDED');
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  effects.setState(nodeId, 'READY');
  const waiting = target.snapshot.suspendedBy;
  for (const process of waiting) {
    const proc = new ProcessEffects(process, process.taskToken, ctx.services);
    proc.redispatch(effects, process.currentNodeId, { suspended: false, suspendedBy: '' });
  }
  const hooks = new OperatorHooks(ctx);
  const pre = { node_id: nodeId };
  await hooks.event({ event_type: 'pre_resume_node', data: pre });
  if (waiting.length > 0) await hooks.component('preResumeNode', node, target.snapshot.executionData);
  await effects.flush();
  if (waiting.length > 0) await hooks.component('postResumeNode', node, target.snapshot.executionData);
  await hooks.event({ event_type: 'post_resume_node', data: pre });
}
