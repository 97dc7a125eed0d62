import type { ComponentCatalog } from '../../component';
import { LevelPreparation } from '../../data/context-preparation';
import { formatKey } from '../../data/context-keys';
import { hydrate } from '../../data/hydrator';
import { renderInputs } from '../../data/input-resolver';
import { plainValue } from '../../data/output-extractor';
import type { PipelineTree, Variable } from '../../model';
import { InvalidOperationError } from '../../runtime/runtime.errors';

export interface PreviewOptions {
  subprocessStack?: string[];
  rootPipelineData?: Record<string, unknown>;
  parentParams?: Record<string, unknown>;
}

/**
 * `preview_node_inputs` (spec 06 A.20), pure: the context of the tree's variables plus
 * `parentParams`, walked down `subprocessStack` (each subprocess's rendered params become plain
 * values of the next level), then the target's inputs rendered in it.
 */
export function previewNodeInputs(
  catalog: ComponentCatalog,
  tree: PipelineTree,
  nodeId: string,
  options: PreviewOptions = {},
): Record<string, unknown> {
  const env = { catalog, pipelineData: options.rootPipelineData ?? {}, innerLoop: 1 };
  let level = tree;
  let params = options.parentParams ?? {};
  for (const subprocessId of options.subprocessStack ?? []) {
    const sub = level.activities[subprocessId];
    if (sub?.type !== 'SubProcess') throw new InvalidOperationError(`node(${subprocessId}) is not a subprocess`);
    params = renderIn(level, subprocessId, sub.params ?? {}, params, env);
    level = sub.pipeline;
  }
  const node = level.activities[nodeId];
  if (node?.type === 'ServiceActivity') return renderIn(level, nodeId, node.component.inputs, params, env);
  if (node?.type === 'SubProcess') return renderIn(level, nodeId, node.params ?? {}, params, env);
  throw new InvalidOperationError(`can not preview inputs of node(${nodeId})`);
}

function renderIn(
  level: PipelineTree,
  nodeId: string,
  inputs: Record<string, Variable>,
  params: Record<string, unknown>,
  env: Parameters<typeof hydrate>[1],
): Record<string, unknown> {
  const preparation = new LevelPreparation(level);
  preparation.declareVariables();
  preparation.prepareInputs(nodeId, inputs);
  const prepared = preparation.finish();
  const overrides = new Map(Object.entries(params).map(([key, value]) => [formatKey(key), value]));
  const context = prepared.context.map((value) =>
    overrides.has(value.key) ? plainValue(value.key, overrides.get(value.key)) : value,
  );
  for (const [key, value] of overrides) if (!context.some((v) => v.key === key)) context.push(plainValue(key, value));
  return renderInputs(prepared.nodeInputs[nodeId] ?? {}, hydrate(context, env));
}
