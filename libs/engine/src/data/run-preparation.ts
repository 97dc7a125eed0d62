import type { PipelineTree, ServiceActivityNode, SubProcessNode } from '../model';
import type { NodeDefinition, RunDefinition } from '../runtime/node-definition';
import type { ContextValue, NodeData } from '../runtime/runtime-records';
import { LevelPreparation } from './context-preparation';
import { buildNodeDefinition, nodesOf } from './node-definition.factory';

export interface RunDataOptions {
  rootPipelineData: Record<string, unknown>;
  rootPipelineContext: Record<string, unknown>;
  subprocessContext: Record<string, unknown>;
}

/** The storable data of a whole run (every level), without states and processes. */
export interface PreparedRun {
  definition: RunDefinition;
  nodeData: Array<{ nodeId: string; data: NodeData }>;
  context: Array<{ pipelineId: string; values: ContextValue[] }>;
}

/** Tree → node definitions, node data and contexts for the root and every subprocess (spec 03 §2, 04 §3). */
export function prepareRunData(tree: PipelineTree, options: RunDataOptions): PreparedRun {
  const run: PreparedRun = {
    definition: {
      rootPipelineId: tree.id,
      nodes: {},
      rootPipelineData: options.rootPipelineData,
      pipelineOutputs: {},
    },
    nodeData: [],
    context: [],
  };
  prepareLevel(tree, tree.id, options, run, options.rootPipelineContext);
  return run;
}

function prepareLevel(
  tree: PipelineTree,
  rootId: string,
  options: RunDataOptions,
  run: PreparedRun,
  presets: Record<string, unknown>,
): void {
  const level = new LevelPreparation(tree);
  level.declareVariables();
  const definitions: NodeDefinition[] = [];
  for (const node of nodesOf(tree)) {
    definitions.push(buildNodeDefinition(node, tree, rootId));
    if (node.type === 'ServiceActivity') level.prepareInputs(node.id, (node as ServiceActivityNode).component.inputs);
    if (node.type === 'SubProcess') {
      const sub = node as SubProcessNode;
      level.prepareInputs(sub.id, sub.params ?? {});
      prepareLevel(sub.pipeline, rootId, options, run, options.subprocessContext);
    }
  }
  level.addPresets(presets);
  const prepared = level.finish();
  for (const definition of definitions) {
    definition.outputMapping = prepared.outputMappings[definition.id] ?? {};
    run.definition.nodes[definition.id] = definition;
  }
  for (const [nodeId, inputs] of Object.entries(prepared.nodeInputs)) run.nodeData.push({ nodeId, data: { inputs } });
  const preRender = tree.data.pre_render_keys ?? [];
  if (preRender.length > 0) {
    run.nodeData.push({
      nodeId: tree.start_event.id,
      data: { inputs: { pre_render_keys: { needRender: false, value: [...preRender] } } },
    });
  }
  run.definition.pipelineOutputs[tree.id] = [...(tree.data.outputs ?? [])];
  run.context.push({ pipelineId: tree.id, values: prepared.context });
}
