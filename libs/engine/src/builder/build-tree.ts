import {
  type ActivityNode,
  type EndEvent,
  type Flow,
  type GatewayNode,
  type PipelineData,
  type PipelineTree,
  type StartEvent,
} from '../model';
import { BuilderError } from './builder.error';
import { type Data, pipelineDataToJson } from './data/data';
import { elementToNode } from './element-to-node';
import { type Element } from './elements/element';
import { EmptyStartEvent } from './elements/start-event.element';
import { type IdGenerator } from './id-generator';
import { uuidIdGenerator } from './uuid-id-generator';

export interface BuildTreeOptions {
  /** Pipeline id; default `'p' + 32 hex`. Nested pipelines always take their SubProcess id. */
  id?: string;
  /** Default `{inputs: {}, outputs: []}`. */
  data?: Data | PipelineData;
  /** Makes the flow ids (and the default pipeline id). */
  idGenerator?: IdGenerator;
}

/**
 * Walks the graph breadth-first from `start` and emits the pipeline tree bamboo-engine's
 * `build_tree` emits for the same graph (spec 02 §9.2): one flow per edge, in `outgoing` order,
 * flow ids made in traversal order. Does not validate and does not set `converge_gateway_id`.
 */
export function buildTree(start: EmptyStartEvent, opts: BuildTreeOptions = {}): PipelineTree {
  if (!(start instanceof EmptyStartEvent)) {
    throw new BuilderError('buildTree must start from an EmptyStartEvent');
  }
  const newId = opts.idGenerator ?? uuidIdGenerator;
  const activities: Record<string, ActivityNode> = {};
  const gateways: Record<string, GatewayNode> = {};
  const flows: Record<string, Flow> = {};
  const incoming = new Map<string, string[]>();
  const incomingOf = (id: string): string[] => {
    let list = incoming.get(id);
    if (!list) incoming.set(id, (list = []));
    return list;
  };
  let startNode: StartEvent | undefined;
  let end: EndEvent | undefined;

  const seen = new Map<string, Element>();
  const queue: Element[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const element = queue[head] as Element;
    const known = seen.get(element.id);
    if (known) {
      // Meeting an element again only adds incoming flows, which the shared list already holds.
      if (known !== element) throw duplicateId(element.id);
      continue;
    }
    seen.set(element.id, element);
    if (element !== start && element instanceof EmptyStartEvent) {
      throw new BuilderError(`Second start event ${element.id} reached from ${start.id}`, { elementId: element.id });
    }
    queue.push(...element.outgoing);

    const flowIds = element.outgoing.map(() => newId('f'));
    const grown = elementToNode(element, flowIds, incomingOf(element.id), (sub) =>
      buildTree(sub.start, { id: sub.id, data: sub.data, idGenerator: newId }),
    );
    switch (grown.slot) {
      case 'start_event':
        startNode = grown.node;
        break;
      case 'end_event':
        if (end) throw new BuilderError(`Two end events: ${end.id} and ${element.id}`, { elementId: element.id });
        end = grown.node;
        break;
      case 'activities':
        activities[element.id] = grown.node;
        break;
      case 'gateways':
        gateways[element.id] = grown.node;
        break;
    }
    element.outgoing.forEach((target, index) => {
      const flowId = flowIds[index] as string;
      if (flows[flowId]) throw duplicateId(flowId);
      flows[flowId] = { id: flowId, source: element.id, target: target.id, is_default: false };
      incomingOf(target.id).push(flowId);
    });
  }

  checkStartHasNoIncoming(start, incoming);
  if (!end) throw new BuilderError(`No end event is reachable from ${start.id}`, { elementId: start.id });
  return {
    id: opts.id ?? newId('p'),
    start_event: startNode as StartEvent,
    end_event: end,
    activities,
    gateways,
    flows,
    data: pipelineDataToJson(opts.data),
  };
}

/** Nothing may flow back into the start event: it has no incoming list. */
function checkStartHasNoIncoming(start: Element, incoming: Map<string, string[]>): void {
  if (incoming.get(start.id)?.length) {
    throw new BuilderError(`Start event ${start.id} cannot be the target of an edge`, { elementId: start.id });
  }
}

function duplicateId(id: string): BuilderError {
  return new BuilderError(`Two different elements or flows share the id ${id}`, { id });
}
