import { StepEffects } from '../../process/step-effects';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';
import { OperatorTarget } from './operator-target';

/**
 * `forced_fail_activity` (spec 06 A.13): a RUNNING ServiceActivity goes FAILED with a fresh
 * version; its outputs get `ex_data` and `_forced_failed`; its process is marked asleep. Code of
 * the old attempt still running later loses its compare-and-set, so its result is discarded.
 */
export async function forcedFailActivity(
  ctx: CommandContext,
  nodeId: string,
  exData: string,
  options: { sendPostSetStateSignal?: boolean } = {},
): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  target.nodeOfType('ServiceActivity');
  const state = target.stateIn('RUNNING');
  const process = target.liveProcess();
  const outputs = { ...target.snapshot.executionData?.outputs, ex_data: exData, _forced_failed: true };
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  const failed = effects.setState(nodeId, 'FAILED', {
    refreshVersion: true,
    setArchived: true,
    signal: options.sendPostSetStateSignal ?? true,
  });
  effects.add({
    executionOutputs: [{ nodeId, outputs }],
    processes: [{ id: process.id, patch: { asleep: true } }],
    relabelLogs: [{ nodeId, fromVersion: state.version, toVersion: failed.version }],
  });
  await commitWithHooks(ctx, effects, {
    pre: { event_type: 'pre_forced_fail_activity', data: { node_id: nodeId, ex_data: exData } },
    post: () => ({
      event_type: 'post_forced_fail_activity',
      data: { node_id: nodeId, ex_data: exData, old_version: state.version, new_version: failed.version },
    }),
    componentHooks: ['preForcedFailActivity', 'postForcedFailActivity'],
    target,
  });
}
