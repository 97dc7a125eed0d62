import type { NodeType } from '../model';
import type { NodeDefinition } from '../runtime/node-definition';
import { ConditionalParallelGatewayHandler } from './conditional-parallel-gateway.handler';
import { ConvergeGatewayHandler } from './converge-gateway.handler';
import { EmptyEndEventHandler } from './empty-end-event.handler';
import { EmptyStartEventHandler } from './empty-start-event.handler';
import { ExclusiveGatewayHandler } from './exclusive-gateway.handler';
import { ExecutableEndEventHandler } from './executable-end-event.handler';
import type { NodeHandler } from './node-handler';
import { ParallelGatewayHandler } from './parallel-gateway.handler';
import { ServiceActivityHandler } from './service-activity.handler';
import { SubProcessHandler } from './subprocess.handler';

/** One handler per node type; the shell looks them up by the node's type. */
export const HANDLERS: Readonly<Record<NodeType, NodeHandler<never>>> = {
  EmptyStartEvent: new EmptyStartEventHandler(),
  EmptyEndEvent: new EmptyEndEventHandler(),
  ExecutableEndEvent: new ExecutableEndEventHandler(),
  ServiceActivity: new ServiceActivityHandler(),
  SubProcess: new SubProcessHandler(),
  ParallelGateway: new ParallelGatewayHandler(),
  ExclusiveGateway: new ExclusiveGatewayHandler(),
  ConditionalParallelGateway: new ConditionalParallelGatewayHandler(),
  ConvergeGateway: new ConvergeGatewayHandler(),
};

export function handlerFor(node: NodeDefinition): NodeHandler {
  return HANDLERS[node.type];
}
