import type { EventNodeDefinition } from '../runtime/node-definition';
import { failNode, traceOf } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';
import { endPipeline } from './pipeline-end';

/** Executable end event: runs the registered end-event code, then ends the pipeline (spec 03 §4.13). */
export class ExecutableEndEventHandler implements NodeHandler<EventNodeDefinition> {
  readonly runsUserCode = true;

  async execute(step: NodeStep<EventNodeDefinition>): Promise<ExecuteOutcome> {
    const type = step.node.endEventType ?? '';
    const definition = step.services.catalog.findEndEvent(type);
    if (!definition) return failNode(step, `executable end event ${type} is not registered`);
    try {
      await definition.execute([...step.stack], step.run.rootPipelineId);
    } catch (error) {
      return failNode(step, traceOf(error));
    }
    return endPipeline(step);
  }
}
