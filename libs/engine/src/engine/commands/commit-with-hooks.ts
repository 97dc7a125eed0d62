import type { PipelineEvent } from '@bamboo/signals';
import type { CallbackRecord, ComponentHookName } from '../../component';
import type { NodeDefinition } from '../../runtime/node-definition';
import type { StepEffects } from '../../process/step-effects';
import type { CommitOutcome } from '../../runtime/step-commit';
import type { CommandContext } from './command-context';
import { OperatorHooks } from './operator-hooks';
import type { OperatorTarget } from './operator-target';

export interface HookedCommit {
  /** The runtime hook events `pre_x` (before the commit) and `post_x` (after it), spec 08 §4. */
  pre: PipelineEvent;
  post: () => PipelineEvent;
  /** Component hooks `[pre, post]` dispatched on the target node (read-only, spec 08 §3.2). */
  componentHooks?: [ComponentHookName, ComponentHookName];
  target?: OperatorTarget;
  /** The node, when the command did not read it through an `OperatorTarget`. */
  node?: NodeDefinition;
  /** Stored callback data handed to the `pre_callback`/`post_callback` component hooks. */
  callback?: CallbackRecord;
}

/**
 * The common tail of an operator command: pre hooks, the one conditional commit (which throws and
 * applies nothing on a lost compare-and-set), post hooks. Hooks only observe.
 */
export async function commitWithHooks(
  ctx: CommandContext,
  effects: Pick<StepEffects, 'flush'>,
  spec: HookedCommit,
): Promise<CommitOutcome> {
  const hooks = new OperatorHooks(ctx);
  const node = spec.target?.snapshot.node ?? spec.node;
  const data = spec.target?.snapshot.executionData;
  await hooks.event(spec.pre);
  if (spec.componentHooks) await hooks.component(spec.componentHooks[0], node, data, spec.callback);
  const outcome = await effects.flush();
  if (spec.componentHooks) await hooks.component(spec.componentHooks[1], node, data, spec.callback);
  await hooks.event(spec.post());
  return outcome;
}
