import { NotFoundError } from '../../runtime/runtime.errors';
import type { CommandContext } from '../commands/command-context';
import type { StateNode } from '../pipeline-states.reader';
import { toStateNode } from '../pipeline-states.reader';

/** One node's own state record (also a pause booked on a node not reached yet); `NotFoundError` when none. */
export async function getNodeState(ctx: CommandContext, nodeId: string): Promise<StateNode> {
  const state = await ctx.services.runtime.getState(nodeId);
  if (!state) throw new NotFoundError(`state of node(${nodeId}) does not exist`);
  return toStateNode(state);
}

/**
 * `get_children_states` (spec 06 A.16): `{}` without a state, else the node with its direct
 * children (one level, flat); the entry's `parent_id` is its root id (original quirk, kept).
 */
export async function getChildrenStates(ctx: CommandContext, nodeId: string): Promise<Record<string, StateNode>> {
  const { runtime } = ctx.services;
  const state = await runtime.getState(nodeId);
  if (!state) return {};
  const entry = toStateNode(state, state.rootId);
  const family = state.rootId ? await runtime.getStatesOfRoot(state.rootId) : [];
  for (const child of family) {
    if (child.parentId === nodeId && child.nodeId !== nodeId) entry.children[child.nodeId] = toStateNode(child);
  }
  return { [nodeId]: entry };
}
