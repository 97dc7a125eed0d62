/**
 * Pulls node and pipeline ids out of any signal payload, so that a failing handler can be traced
 * without the bus knowing every payload shape (ids sit at the top, in `event` or in `event.data`).
 */
export interface PayloadIds {
  nodeId?: string;
  pipelineId?: string;
}

const NODE_KEYS = ['node_id'] as const;
const PIPELINE_KEYS = ['root_pipeline_id', 'root_id', 'pipeline_id', 'instance_id'] as const;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function pick(records: Array<Record<string, unknown> | undefined>, keys: readonly string[]): string | undefined {
  for (const record of records) {
    if (!record) continue;
    for (const key of keys) {
      const value = record[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return undefined;
}

export function payloadIds(payload: unknown): PayloadIds {
  const top = asRecord(payload);
  const event = asRecord(top?.['event']);
  const data = asRecord(event?.['data']);
  const layers = [top, event, data];
  const ids: PayloadIds = {};
  const nodeId = pick(layers, NODE_KEYS);
  const pipelineId = pick(layers, PIPELINE_KEYS);
  if (nodeId !== undefined) ids.nodeId = nodeId;
  if (pipelineId !== undefined) ids.pipelineId = pipelineId;
  return ids;
}
