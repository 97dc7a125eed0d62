import { DIVERGING_GATEWAY_TYPES, type Flow, type PipelineTree } from '../pipeline-tree';
import { checkActivity } from './activity.schema';
import { checkPipelineData } from './data.schema';
import { checkEndEvent, checkStartEvent } from './event.schema';
import { checkFlow, checkFlowConsistency, type LevelNode } from './flow.schema';
import { checkGateway } from './gateway.schema';
import type { SchemaContext } from './schema-context';
import { at, expectId, expectObject, fail, field, type JsonObject } from './schema-checks';
import { sourceActIds } from './variable.schema';

/**
 * Checks one pipeline level (and, through `ctx.checkNested`, every nested one) in place and returns
 * it typed. The only change made is `data.outputs` given as an object becoming its key list.
 */
export function checkPipelineLevel(value: unknown, path: string, ctx: SchemaContext): PipelineTree {
  const tree = expectObject(value, path);
  expectId(field(tree, 'id', path), at(path, 'id'));
  checkStartEvent(field(tree, 'start_event', path), at(path, 'start_event'));
  checkEndEvent(field(tree, 'end_event', path), at(path, 'end_event'), ctx);
  const activities = expectObject(field(tree, 'activities', path), at(path, 'activities'));
  for (const [key, node] of Object.entries(activities)) checkActivity(key, node, at(at(path, 'activities'), key), ctx);
  const gateways = expectObject(field(tree, 'gateways', path), at(path, 'gateways'));
  for (const [key, node] of Object.entries(gateways)) checkGateway(key, node, at(at(path, 'gateways'), key));
  const flows = expectObject(field(tree, 'flows', path), at(path, 'flows'));
  for (const [key, flow] of Object.entries(flows)) checkFlow(key, flow, at(at(path, 'flows'), key));
  const dataPath = at(path, 'data');
  const outputs = checkPipelineData(field(tree, 'data', path), dataPath);
  (tree.data as JsonObject).outputs = outputs;

  const checked = tree as PipelineTree;
  const nodes = levelNodes(checked, path);
  for (const node of nodes) registerId(node.id, at(node.path, 'id'), ctx);
  checkFlowConsistency(nodes, flows as Record<string, Flow>, at(path, 'flows'));
  warnUnknownSourceActs(checked, new Set(nodes.map((node) => node.id)), dataPath, ctx);
  return checked;
}

function levelNodes(tree: PipelineTree, path: string): LevelNode[] {
  const diverging: readonly string[] = DIVERGING_GATEWAY_TYPES;
  const nodes: LevelNode[] = [
    { ...refs(tree.start_event), path: at(path, 'start_event'), diverging: false },
    { ...refs(tree.end_event), path: at(path, 'end_event'), diverging: false },
  ];
  for (const node of Object.values(tree.activities)) {
    nodes.push({ ...refs(node), path: at(at(path, 'activities'), node.id), diverging: false });
  }
  for (const node of Object.values(tree.gateways)) {
    nodes.push({ ...refs(node), path: at(at(path, 'gateways'), node.id), diverging: diverging.includes(node.type) });
  }
  return nodes;
}

function refs(node: { id: string; incoming: unknown; outgoing: unknown }): Omit<LevelNode, 'path' | 'diverging'> {
  return { id: node.id, incoming: node.incoming, outgoing: node.outgoing };
}

/** Node ids are global runtime keys: unique over the root and every nested level (spec 01 §2). */
export function registerId(id: string, path: string, ctx: SchemaContext): void {
  const previous = ctx.seenIds.get(id);
  if (previous !== undefined) fail(path, `duplicate id "${id}", already used at ${previous}`);
  ctx.seenIds.set(id, path);
}

// Upper layers may drop optional nodes without cleaning the declarations that referred to them.
function warnUnknownSourceActs(tree: PipelineTree, nodeIds: Set<string>, dataPath: string, ctx: SchemaContext): void {
  for (const [key, variable] of Object.entries(tree.data.inputs)) {
    for (const sourceAct of sourceActIds(variable)) {
      if (!nodeIds.has(sourceAct)) {
        ctx.warn(at(at(at(dataPath, 'inputs'), key), 'source_act'), `"${sourceAct}" names no node of this level`);
      }
    }
  }
}
