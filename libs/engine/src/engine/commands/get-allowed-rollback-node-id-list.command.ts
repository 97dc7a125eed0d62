import { RollbackScope } from '../rollback/rollback-scope';
import { modeOf, type RollbackOptions } from '../rollback/rollback-tasks';
import type { CommandContext } from './command-context';

/**
 * `get_allowed_rollback_node_id_list` (spec 06 A.21): executed (FINISHED/FAILED) ServiceActivities
 * sharing the start node's token, the start node excluded; with ANY + `skipCheckToken` every such
 * node. Empty when the start node has no token. Read-only, but checks the pipeline like every call.
 */
export async function getAllowedRollbackNodeIdList(
  ctx: CommandContext,
  rootPipelineId: string,
  startNodeId: string,
  options: Pick<RollbackOptions, 'mode' | 'skipCheckToken'> = {},
): Promise<string[]> {
  const mode = modeOf(options.mode);
  const scope = await RollbackScope.load(ctx, rootPipelineId);
  const activities = Object.values(scope.executedNodes())
    .filter((node) => node.type === 'ServiceActivity' && node.id !== startNodeId)
    .map((node) => node.id);
  if (mode === 'ANY' && options.skipCheckToken) return activities;
  const token = scope.tokens[startNodeId];
  if (token === undefined) return [];
  return activities.filter((id) => scope.tokens[id] === token);
}
