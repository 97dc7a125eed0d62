import { loadHydratedContext } from '../data/context-loader';
import { referencesOfInputs, renderInputs } from '../data/input-resolver';
import { plainValue } from '../data/output-extractor';
import type { SubProcessDefinition } from '../runtime/node-definition';
import { loopContextValues } from './loop-context-values';
import { errorText, failNode } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';
import { topPipelineOf } from './node-handler';

/**
 * SubProcess: renders `params` in the parent context, seeds them as plain values into the nested
 * context, pushes the nested pipeline and continues at its start event (spec 03 §4.7). The node
 * stays RUNNING until the nested end event finishes it.
 */
export class SubProcessHandler implements NodeHandler<SubProcessDefinition> {
  readonly runsUserCode = false;

  async execute(step: NodeStep<SubProcessDefinition>): Promise<ExecuteOutcome> {
    const { node, attempt } = step;
    const params = step.nodeData?.inputs ?? {};
    step.effects.add({ resetInnerLoopOf: [node.id] });
    let hydrated: Record<string, unknown>;
    try {
      hydrated = await loadHydratedContext(step.services, {
        pipelineId: topPipelineOf(step),
        keys: referencesOfInputs(params),
        extras: loopContextValues(node.outputMapping, {
          _loop: attempt.loop + step.services.settings.rerunIndexOffset,
        }),
        pipelineData: step.run.rootPipelineData,
        innerLoop: attempt.innerLoop,
      });
    } catch (error) {
      return failNode(step, `context hydrate failed(${errorText(error)}), check node log for details.`);
    }
    const inputs = renderInputs(params, hydrated);
    const values = Object.entries(inputs).map(([key, value]) => plainValue(key, value));
    step.effects.add({
      executionData: [{ nodeId: node.id, data: { inputs, outputs: {} } }],
      context: [{ pipelineId: node.id, values }],
    });
    step.stack = [...step.stack, node.id];
    return { kind: 'next', nextNodeId: node.startEventId };
  }
}
