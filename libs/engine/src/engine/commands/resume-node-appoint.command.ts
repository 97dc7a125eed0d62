import type { ProcessRecord } from '../../runtime/runtime-records';
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
  redispatchAll(ctx, effects, waiting);
  const hooks = new OperatorHooks(ctx);
  const pre = { node_id: nodeId };
  await hooks.event({ event_type: 'pre_resume_node', data: pre });
  if (waiting.length > 0) await hooks.component('preResumeNode', node, target.snapshot.executionData);
  await effects.flush();
  // A process that reached the booking between our read and our write filled the node's ids
  // without changing its version, so our write did not conflict; it is suspended by the node,
  // which is READY now, and nobody else would ever wake it. A process arriving after our write
  // loses its own compare-and-set on the state instead, and enters the READY node on its retry.
  const late = waiting.length === 0 ? await lateArrivals(ctx, nodeId) : undefined;
  if (late) await hooks.component('preResumeNode', node, late.snapshot.executionData);
  if (late) await late.effects.flush();
  if (waiting.length > 0 || late) {
    await hooks.component('postResumeNode', node, (late ?? target).snapshot.executionData);
  }
  await hooks.event({ event_type: 'post_resume_node', data: pre });
}

function redispatchAll(ctx: CommandContext, effects: StepEffects, processes: readonly ProcessRecord[]): void {
  for (const process of processes) {
    const proc = new ProcessEffects(process, process.taskToken, ctx.services);
    proc.redispatch(effects, process.currentNodeId, { suspended: false, suspendedBy: '' });
  }
}

/** The processes suspended by the node after it was resumed, with the effects re-dispatching them. */
async function lateArrivals(
  ctx: CommandContext,
  nodeId: string,
): Promise<{ snapshot: OperatorTarget['snapshot']; effects: StepEffects } | undefined> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const arrived = target.snapshot.suspendedBy;
  // Booked again meanwhile: those processes wait for the next resume.
  if (arrived.length === 0 || target.snapshot.state?.name === 'SUSPENDED') return undefined;
  const effects = new StepEffects(ctx.services);
  redispatchAll(ctx, effects, arrived);
  return { snapshot: target.snapshot, effects };
}
