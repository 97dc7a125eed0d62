import type { NodeStateRecord } from '../runtime/runtime-records';

/** One entry of `get_pipeline_states` (spec 06 A.15 / B.4). */
export interface StateNode {
  id: string;
  state: string;
  root_id: string;
  'root_id:': string;
  parent_id: string;
  version: string;
  loop: number;
  retry: number;
  skip: boolean;
  error_ignorable: boolean;
  error_ignored: boolean;
  created_time: string | null;
  started_time: string | null;
  archived_time: string | null;
  children: Record<string, StateNode>;
}

export function toStateNode(record: NodeStateRecord, parentId = record.parentId): StateNode {
  return {
    id: record.nodeId,
    state: record.name,
    root_id: record.rootId,
    'root_id:': record.rootId,
    parent_id: parentId,
    version: record.version,
    loop: record.loop,
    retry: record.retry,
    skip: record.skip,
    error_ignorable: record.errorIgnored,
    error_ignored: record.errorIgnored,
    created_time: record.createdTime.toISOString(),
    started_time: record.startedTime?.toISOString() ?? null,
    archived_time: record.archivedTime?.toISOString() ?? null,
    children: {},
  };
}

/** Shapes the states of a run as `{root_id: StateNode}`, flat or nested (spec 06 A.15). */
export function shapePipelineStates(
  rootId: string,
  records: NodeStateRecord[],
  flatChildren: boolean,
): Record<string, StateNode> {
  const root = records.find((record) => record.nodeId === rootId);
  if (!root) return {};
  const entry = toStateNode(root, rootId);
  const nodes = new Map(
    records.filter((r) => r.nodeId !== rootId && r.rootId === rootId).map((r) => [r.nodeId, toStateNode(r)]),
  );
  for (const node of nodes.values()) {
    const parent = flatChildren ? undefined : nodes.get(node.parent_id);
    (parent ?? entry).children[node.id] = node;
  }
  return { [rootId]: entry };
}
