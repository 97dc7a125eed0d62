import type { TimeoutTask } from '../../runtime/engine-task';
import { EngineError } from '../../errors';
import type { CommandContext } from './command-context';
import { forcedFailActivity } from './forced-fail-activity.command';
import { OperatorTarget } from './operator-target';
import { skipNode } from './skip-node.command';

export const TIMEOUT_EX_DATA = 'forced fail by bamboo_engine';

/**
 * A node timer fired (spec 03 §4.6, 09 §6.4): if the attempt is still RUNNING at that version and
 * current in a live process, run the configured action — forced fail, or forced fail then skip.
 * A timer of a passed attempt, or an action that loses a race, is logged and ignored.
 */
export async function handleNodeTimeout(ctx: CommandContext, task: TimeoutTask): Promise<void> {
  const { logger } = ctx.services;
  const meta = { nodeId: task.nodeId, version: task.version };
  const target = await OperatorTarget.load(ctx, task.nodeId);
  const { state, node, processesOnNode } = target.snapshot;
  if (state?.name !== 'RUNNING' || state.version !== task.version || processesOnNode.length === 0) {
    logger.info('node timeout: the attempt has been passed', meta);
    return;
  }
  const action = node?.type === 'ServiceActivity' ? (node.timeoutConfig?.action ?? 'forced_fail') : 'forced_fail';
  if (!(await attempt(ctx, () => forcedFailActivity(ctx, task.nodeId, TIMEOUT_EX_DATA), meta))) return;
  if (action === 'forced_fail_and_skip') await attempt(ctx, () => skipNode(ctx, task.nodeId), meta);
}

async function attempt(ctx: CommandContext, action: () => Promise<void>, meta: Record<string, unknown>) {
  try {
    await action();
    return true;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    ctx.services.logger.warn(`node timeout action refused: ${error.message}`, meta);
    return false;
  }
}
