import type { PipelineTree } from '@bamboo/engine';
import type { ConformanceHarness } from './conformance-harness';
import { stateNames, stateOf } from './scenario-helpers';
import type { TreeKit } from './tree-kit';

/** Builds, runs until idle, and returns the tree. */
export async function start(h: ConformanceHarness, k: TreeKit, options = {}): Promise<PipelineTree> {
  const tree = k.build();
  await h.engine.runPipeline(tree, options);
  await h.runUntilIdle();
  return tree;
}

/** The current version of a node's state (for callbacks). */
export async function versionOf(h: ConformanceHarness, rootId: string, nodeId: string): Promise<string> {
  const state = await stateOf(h, rootId, nodeId);
  if (!state) throw new Error(`node ${nodeId} has no state`);
  return state.version;
}

/** Delivers a callback to each node at its current version, then runs until idle. */
export async function callbackAll(h: ConformanceHarness, rootId: string, nodeIds: string[], data = {}): Promise<void> {
  for (const nodeId of nodeIds) await h.engine.callback(nodeId, await versionOf(h, rootId, nodeId), data);
  await h.runUntilIdle();
}

/** Name of one node's state in the run, or undefined when it has none. */
export async function nameOf(h: ConformanceHarness, rootId: string, nodeId: string): Promise<string | undefined> {
  return (await stateNames(h, rootId))[nodeId];
}

/** Everything an operator command could change, to prove that a refused one changed nothing. */
export async function observable(h: ConformanceHarness, rootId: string, nodeIds: string[]): Promise<unknown> {
  const perNode = await Promise.all(
    nodeIds.map(async (id) => ({
      id,
      data: await h.engine.getExecutionDataOutputs(id),
      histories: await h.engine.getHistories(id),
      inputs: await h.engine.getData(id).catch(() => null),
      state: await h.engine.getNodeState(id).catch(() => null),
    })),
  );
  return {
    states: await h.engine.getPipelineStates(rootId),
    context: await h.engine.getContextValues(rootId),
    perNode,
  };
}
