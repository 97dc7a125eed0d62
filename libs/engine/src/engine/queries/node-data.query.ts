import type { HistoryRecord } from '../../runtime/runtime-records';
import { NotFoundError } from '../../runtime/runtime.errors';
import type { CommandContext } from '../commands/command-context';

/** `get_data` (spec 06 A.17): raw configured inputs and the output mapping of a node. */
export interface NodeDataView {
  inputs: Record<string, { need_render: boolean; value: unknown }>;
  /** `output key → context key` (a list when one output feeds several context keys). */
  outputs: Record<string, string | string[]>;
}

export async function getData(ctx: CommandContext, nodeId: string): Promise<NodeDataView> {
  const { node, nodeData } = await ctx.services.runtime.loadOperatorTarget(nodeId);
  if (!nodeData) throw new NotFoundError(`data of node(${nodeId}) does not exist`);
  const inputs: NodeDataView['inputs'] = {};
  for (const [key, input] of Object.entries(nodeData.inputs)) {
    inputs[key] = { need_render: input.needRender, value: input.value };
  }
  const outputs: NodeDataView['outputs'] = {};
  for (const [key, targets] of Object.entries(node?.outputMapping ?? {})) {
    outputs[key] = targets.length === 1 ? targets[0]! : [...targets];
  }
  return { inputs, outputs };
}

export type ShortHistory = Omit<HistoryRecord, 'inputs' | 'outputs' | 'retry'>;

/** Histories, oldest first; `loop = -1` means all (spec 06 A.18). */
export async function getHistories(ctx: CommandContext, nodeId: string, loop = -1): Promise<HistoryRecord[]> {
  const histories = await ctx.services.runtime.getHistories(nodeId);
  return loop === -1 ? histories : histories.filter((history) => history.loop === loop);
}

/** The same without `inputs`, `outputs` and `retry` (spec 06 A.18). */
export async function getShortHistories(ctx: CommandContext, nodeId: string, loop = -1): Promise<ShortHistory[]> {
  return (await getHistories(ctx, nodeId, loop)).map(({ inputs: _i, outputs: _o, retry: _r, ...rest }) => rest);
}

/**
 * `get_plain_log_for_node` (spec 06 A.20): the joined log lines of one execution. The version
 * given wins; else the version of the history record; else the current state's. Unknown → `''`:
 * a history id the node does not have answers no lines, not those of the current attempt.
 */
export async function getPlainLogForNode(
  ctx: CommandContext,
  nodeId: string,
  options: { historyId?: string; version?: string } = {},
): Promise<string> {
  const { runtime } = ctx.services;
  let version = options.version;
  if (!version && options.historyId !== undefined && options.historyId !== '-1') {
    version = (await runtime.getHistories(nodeId)).find((history) => history.id === options.historyId)?.version;
    if (!version) return '';
  }
  version ??= (await runtime.getState(nodeId))?.version;
  if (!version) return '';
  return (await runtime.getNodeLogs(nodeId, version)).join('\n');
}
