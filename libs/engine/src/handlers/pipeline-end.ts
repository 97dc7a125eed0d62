import { loadHydratedContext } from '../data/context-loader';
import { extractOutputs } from '../data/output-extractor';
import type { EventNodeDefinition } from '../runtime/node-definition';
import { errorText, failNode } from './node-failure';
import type { ExecuteOutcome, NodeStep } from './node-handler';
import { successorOf } from './node-handler';

/**
 * What every end event does (spec 03 §4.12): pops the ended pipeline, computes its declared
 * outputs, finishes it, and either ends the run (root) or returns to the SubProcess node's
 * successor with the outputs extracted into the parent context.
 */
export async function endPipeline(step: NodeStep<EventNodeDefinition>): Promise<ExecuteOutcome> {
  const { services, run } = step;
  const stack = [...step.stack];
  const pipelineId = stack.pop()!;
  const declared = run.pipelineOutputs[pipelineId] ?? [];
  let hydrated: Record<string, unknown>;
  try {
    hydrated = await loadHydratedContext(services, {
      pipelineId,
      keys: declared,
      pipelineData: run.rootPipelineData,
      innerLoop: step.attempt.innerLoop,
    });
  } catch (error) {
    return failNode(step, `context hydrate failed(${errorText(error)})`);
  }
  const outputs: Record<string, unknown> = {};
  for (const key of declared) outputs[key] = key in hydrated ? hydrated[key] : key;
  const pipelineState = step.pipelineStates[pipelineId];
  const isRoot = stack.length === 0;
  if (!isRoot && pipelineState) {
    outputs._loop = pipelineState.loop + services.settings.rerunIndexOffset;
    outputs._inner_loop = pipelineState.innerLoop + services.settings.rerunIndexOffset;
  }
  step.effects.add({ executionOutputs: [{ nodeId: pipelineId, outputs }] });
  step.effects.setState(step.node.id, 'FINISHED', { setArchived: true });
  step.effects.observe(pipelineState, pipelineId);
  step.effects.setState(pipelineId, 'FINISHED', { setArchived: true });
  if (isRoot) {
    step.effects.event('pipeline_finish', { pipeline_id: pipelineId });
    // bamboo-engine leaves this to the application's instance model; the engine is ours (spec 08 §5).
    step.effects.signal({ name: 'post_pipeline_finish', payload: { instance_id: pipelineId } });
    return { kind: 'die' };
  }
  const subprocess = run.nodes[pipelineId]!;
  const parentId = stack[stack.length - 1]!;
  step.effects.add({ context: [{ pipelineId: parentId, values: extractOutputs(subprocess.outputMapping, outputs) }] });
  step.stack = stack;
  return { kind: 'next', nextNodeId: successorOf(subprocess) };
}
