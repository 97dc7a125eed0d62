import type { EventNodeDefinition } from '../runtime/node-definition';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';
import { endPipeline } from './pipeline-end';

/** Empty end event: ends its pipeline (spec 03 §4.12). */
export class EmptyEndEventHandler implements NodeHandler<EventNodeDefinition> {
  readonly runsUserCode = false;

  execute(step: NodeStep<EventNodeDefinition>): Promise<ExecuteOutcome> {
    return endPipeline(step);
  }
}
