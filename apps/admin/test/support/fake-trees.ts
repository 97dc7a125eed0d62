import { randomUUID } from 'node:crypto';

// Small pipeline trees (spec 02 shape, as validated) for the fake API server.

export type Json = Record<string, unknown>;

export interface FakeTree {
  id: string;
  start_event: Json & { id: string; outgoing: string };
  end_event: Json & { id: string };
  activities: Record<string, Json & { id: string; type: string; outgoing: string }>;
  gateways: Record<string, Json & { id: string; type: string; outgoing: string | string[] }>;
  flows: Record<string, { id: string; source: string; target: string; is_default: boolean }>;
  data: { inputs: Json; outputs: string[] };
}

export const newId = (prefix: string): string => prefix + randomUUID().replace(/-/g, '');

function emptyTree(): FakeTree {
  const start = newId('e');
  const end = newId('e');
  return {
    id: newId('p'),
    start_event: { id: start, type: 'EmptyStartEvent', name: 'start', incoming: '', outgoing: '' },
    end_event: { id: end, type: 'EmptyEndEvent', name: 'end', incoming: [], outgoing: '' },
    activities: {},
    gateways: {},
    flows: {},
    data: { inputs: {}, outputs: [] },
  };
}

function connect(tree: FakeTree, source: string, target: string): string {
  const id = newId('f');
  tree.flows[id] = { id, source, target, is_default: false };
  const from = tree.start_event.id === source ? tree.start_event : (tree.activities[source] ?? tree.gateways[source]);
  if (from) {
    if (Array.isArray(from.outgoing)) from.outgoing.push(id);
    else from.outgoing = id;
  }
  const to = tree.end_event.id === target ? tree.end_event : (tree.activities[target] ?? tree.gateways[target]);
  if (to) (to.incoming as string[]).push(id);
  return id;
}

function activity(tree: FakeTree, name: string, inputs: Json = {}): string {
  const id = newId('e');
  const variables = Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, { type: 'plain', value }]));
  tree.activities[id] = {
    id,
    type: 'ServiceActivity',
    name,
    incoming: [],
    outgoing: '',
    component: { code: 'fake_http_call', version: '1.2.0', inputs: variables },
    error_ignorable: false,
    skippable: true,
    retryable: true,
  };
  return id;
}

function gateway(tree: FakeTree, type: string, name: string, extra: Json = {}): string {
  const id = newId('g');
  const outgoing: string | string[] = type === 'ConvergeGateway' ? '' : [];
  tree.gateways[id] = { id, type, name, incoming: [], outgoing, ...extra };
  return id;
}

/** start → a → b → c → end; returns the ids by activity name. */
export function linearTree(names: string[], inputs: Record<string, Json> = {}) {
  const tree = emptyTree();
  const ids: Record<string, string> = {};
  let previous = tree.start_event.id;
  for (const name of names) {
    ids[name] = activity(tree, name, inputs[name] ?? {});
    connect(tree, previous, ids[name]);
    previous = ids[name];
  }
  connect(tree, previous, tree.end_event.id);
  return { tree, ids };
}

/** start → prepare → exclusive gateway (two conditional branches) → converge → end. */
export function exclusiveTree() {
  const tree = emptyTree();
  const prepare = activity(tree, 'prepare');
  const split = gateway(tree, 'ExclusiveGateway', 'which region');
  const east = activity(tree, 'deploy east');
  const west = activity(tree, 'deploy west');
  const join = gateway(tree, 'ConvergeGateway', 'join');
  connect(tree, tree.start_event.id, prepare);
  connect(tree, prepare, split);
  const toEast = connect(tree, split, east);
  const toWest = connect(tree, split, west);
  connect(tree, east, join);
  connect(tree, west, join);
  connect(tree, join, tree.end_event.id);
  const splitNode = tree.gateways[split]!;
  splitNode.conditions = {
    [toEast]: { evaluate: '${region} == "east"', name: 'region is east' },
    [toWest]: { evaluate: '${region} == "west"', name: 'region is west' },
  };
  splitNode.converge_gateway_id = join;
  return { tree, ids: { prepare, split, east, west, join, toEast, toWest } };
}
