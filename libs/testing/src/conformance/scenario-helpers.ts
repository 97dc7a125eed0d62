import type { ConformanceHarness } from './conformance-harness';

/** `node id → state name` for every state of the run (root included). */
export async function stateNames(h: ConformanceHarness, rootId: string): Promise<Record<string, string>> {
  const states = await h.engine.getPipelineStates(rootId);
  const root = states[rootId];
  if (!root) return {};
  const names: Record<string, string> = { [rootId]: root.state };
  for (const [id, child] of Object.entries(root.children)) names[id] = child.state;
  return names;
}

export async function stateOf(h: ConformanceHarness, rootId: string, nodeId: string) {
  const states = await h.engine.getPipelineStates(rootId);
  return nodeId === rootId ? states[rootId] : states[rootId]?.children[nodeId];
}

export async function outputsOf(h: ConformanceHarness, nodeId: string): Promise<Record<string, unknown>> {
  return h.engine.getExecutionDataOutputs(nodeId);
}

export async function inputsOf(h: ConformanceHarness, nodeId: string): Promise<Record<string, unknown>> {
  return h.engine.getExecutionDataInputs(nodeId);
}

/** Plain context value of a pipeline, by `${key}`. */
export async function contextValue(h: ConformanceHarness, pipelineId: string, key: string): Promise<unknown> {
  const values = await h.engine.getContextValues(pipelineId);
  return values.find((value) => value.key === key)?.value;
}
