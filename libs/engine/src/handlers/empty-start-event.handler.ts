import { loadHydratedContext } from '../data/context-loader';
import { plainValue } from '../data/output-extractor';
import type { EventNodeDefinition } from '../runtime/node-definition';
import { errorText, failNode, finishNode } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';
import { successorOf, topPipelineOf } from './node-handler';

/** Start event: freezes `pre_render_keys` as plain values, then continues (spec 03 §4.1, 04 §8). */
export class EmptyStartEventHandler implements NodeHandler<EventNodeDefinition> {
  readonly runsUserCode = false;

  async execute(step: NodeStep<EventNodeDefinition>): Promise<ExecuteOutcome> {
    const keys = step.nodeData?.inputs.pre_render_keys?.value;
    if (Array.isArray(keys) && keys.length > 0) {
      const pipelineId = topPipelineOf(step);
      let hydrated: Record<string, unknown>;
      try {
        hydrated = await loadHydratedContext(step.services, {
          pipelineId,
          keys: keys as string[],
          pipelineData: step.run.rootPipelineData,
          innerLoop: step.attempt.innerLoop,
        });
      } catch (error) {
        return failNode(step, `context hydrate failed(${errorText(error)}), check node log for details.`);
      }
      const values = (keys as string[]).filter((key) => key in hydrated).map((key) => plainValue(key, hydrated[key]));
      step.effects.add({ context: [{ pipelineId, values }] });
    }
    return finishNode(step, successorOf(step.node));
  }
}
