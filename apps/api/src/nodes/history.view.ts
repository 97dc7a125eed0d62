import type { HistoryRecord } from '@bamboo/engine';

/** A history record in the snake_case shape of spec 06 A.18 (short view without data and retry). */
export function toHistoryView(record: HistoryRecord, short: boolean): Record<string, unknown> {
  const base = {
    id: record.id,
    node_id: record.nodeId,
    started_time: record.startedTime?.toISOString() ?? null,
    archived_time: record.archivedTime?.toISOString() ?? null,
    loop: record.loop,
    skip: record.skip,
    version: record.version,
  };
  return short ? base : { ...base, retry: record.retry, inputs: record.inputs, outputs: record.outputs };
}
