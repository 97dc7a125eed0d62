import {
  type ActivityNode,
  type EndEvent,
  type GatewayNode,
  type PipelineTree,
  type ServiceActivityNode,
  type StartEvent,
} from '../model';
import { BuilderError } from './builder.error';
import { paramsToJson } from './data/data';
import { variablesToJson } from './data/var';
import { type Element } from './elements/element';
import { isEndEvent } from './elements/end-event.element';
import { ConvergeGateway } from './elements/converge-gateway.element';
import { ExclusiveGateway } from './elements/exclusive-gateway.element';
import { ParallelGateway } from './elements/parallel-gateway.element';
import { ServiceActivity } from './elements/service-activity.element';
import { EmptyStartEvent } from './elements/start-event.element';
import { SubProcess } from './elements/sub-process.element';

/** Where a node goes in its pipeline tree. */
export type TreeNode =
  | { slot: 'start_event'; node: StartEvent }
  | { slot: 'end_event'; node: EndEvent }
  | { slot: 'activities'; node: ActivityNode }
  | { slot: 'gateways'; node: GatewayNode };

/**
 * Turns one element into its tree node, given the ids of its outgoing flows (in `outgoing` order)
 * and its incoming list (still being filled while the traversal goes on).
 */
export function elementToNode(
  element: Element,
  flowIds: string[],
  incoming: string[],
  buildNested: (sub: SubProcess) => PipelineTree,
): TreeNode {
  const base = { id: element.id, name: element.name };
  if (element instanceof EmptyStartEvent) {
    return {
      slot: 'start_event',
      node: { ...base, type: 'EmptyStartEvent', incoming: '', outgoing: single(element, flowIds) },
    };
  }
  if (isEndEvent(element)) {
    // bamboo-engine makes no flow for these edges, so what follows is reached without an incoming flow.
    if (flowIds.length > 0) {
      throw new BuilderError(`End event ${element.id} cannot have outgoing edges`, { elementId: element.id });
    }
    return { slot: 'end_event', node: { ...base, type: element.type(), incoming, outgoing: '' } };
  }
  if (element instanceof ServiceActivity) {
    return { slot: 'activities', node: serviceActivityNode(element, single(element, flowIds), incoming) };
  }
  if (element instanceof SubProcess) {
    const node = {
      ...base,
      type: 'SubProcess' as const,
      incoming,
      outgoing: single(element, flowIds),
      params: paramsToJson(element.params),
      pipeline: buildNested(element),
    };
    return { slot: 'activities', node };
  }
  if (element instanceof ParallelGateway) {
    return { slot: 'gateways', node: { ...base, type: 'ParallelGateway', incoming, outgoing: flowIds } };
  }
  if (element instanceof ExclusiveGateway) {
    const node = {
      ...base,
      type: element.type(),
      incoming,
      outgoing: flowIds,
      conditions: element.linkConditions(flowIds),
      default_condition: element.linkDefaultCondition(flowIds),
      ...(element.extraInfo === undefined ? {} : { extra_info: { ...element.extraInfo } }),
    };
    return { slot: 'gateways', node };
  }
  if (element instanceof ConvergeGateway) {
    return {
      slot: 'gateways',
      node: { ...base, type: 'ConvergeGateway', incoming, outgoing: single(element, flowIds) },
    };
  }
  throw new BuilderError(`Element ${element.id} of type ${element.type()} is not a known builder element`, {
    elementId: element.id,
  });
}

function serviceActivityNode(act: ServiceActivity, outgoing: string, incoming: string[]): ServiceActivityNode {
  const { code, version, inputs } = act.component;
  // The tree format requires a code; the original would emit null and fail later at preparation.
  if (!code) throw new BuilderError(`ServiceActivity ${act.id} has no component code`, { elementId: act.id });
  const node: ServiceActivityNode = {
    id: act.id,
    type: 'ServiceActivity',
    name: act.name,
    incoming,
    outgoing,
    component: { code, ...(version === undefined ? {} : { version }), inputs: variablesToJson(inputs) },
    error_ignorable: act.errorIgnorable,
    timeout: act.timeout,
    skippable: act.skippable,
    retryable: act.retryable,
    optional: false,
  };
  if (act.loopConfig) node.loop_config = { ...act.loopConfig };
  if (act.timeoutConfig) node.timeout_config = { ...act.timeoutConfig };
  return node;
}

/** Start events, activities and converge gateways have exactly one outgoing flow. */
function single(element: Element, flowIds: string[]): string {
  const [flowId] = flowIds;
  if (flowId === undefined || flowIds.length > 1) {
    throw new BuilderError(`${element.type()} ${element.id} needs exactly one outgoing edge, has ${flowIds.length}`, {
      elementId: element.id,
    });
  }
  return flowId;
}
