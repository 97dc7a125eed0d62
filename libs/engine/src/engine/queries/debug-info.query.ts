import type { NodeDefinition } from '../../runtime/node-definition';
import type { ContextValue, NodeData, NodeStateRecord, ProcessRecord } from '../../runtime/runtime-records';
import { NotFoundError } from '../../runtime/runtime.errors';
import type { CommandContext } from '../commands/command-context';

export interface PipelineDebugInfo {
  context_values: ContextValue[];
  processes: ProcessRecord[];
}

/** `get_pipeline_debug_info` (spec 06 A.20): the pipeline's context values and the run's processes. */
export async function getPipelineDebugInfo(ctx: CommandContext, pipelineId: string): Promise<PipelineDebugInfo> {
  const { runtime } = ctx.services;
  const state = await runtime.getState(pipelineId);
  const rootId = state?.rootId || pipelineId;
  return { context_values: await runtime.getContext(pipelineId), processes: await runtime.getProcesses(rootId) };
}

export interface NodeDebugInfo {
  node: NodeDefinition | null;
  data: NodeData | null;
  state: NodeStateRecord | null;
  err: string[];
}

/** `get_node_debug_info` (spec 06 A.20): never fails; missing parts are named in `err`. */
export async function getNodeDebugInfo(ctx: CommandContext, nodeId: string): Promise<NodeDebugInfo> {
  const err: string[] = [];
  const snapshot = await ctx.services.runtime.loadOperatorTarget(nodeId);
  if (!snapshot.node) err.push(`node(${nodeId}) does not exist`);
  if (!snapshot.nodeData) err.push(`data of node(${nodeId}) does not exist`);
  if (!snapshot.state) err.push(`state of node(${nodeId}) does not exist`);
  return { node: snapshot.node ?? null, data: snapshot.nodeData ?? null, state: snapshot.state ?? null, err };
}

export interface ExecutionTime {
  state: string;
  start_time: string | null;
  archived_time: string | null;
  /** Seconds from start to archive (or to now while running); 0 before the start. */
  execution_time: number;
}

/** `get_pipeline_execution_time` / `get_node_execution_time` (spec 06 A.20). */
export async function getExecutionTime(ctx: CommandContext, nodeId: string): Promise<ExecutionTime> {
  const state = await ctx.services.runtime.getState(nodeId);
  if (!state) throw new NotFoundError(`state of node(${nodeId}) does not exist`);
  const end = state.archivedTime ?? ctx.services.clock.now();
  const seconds = state.startedTime ? (end.getTime() - state.startedTime.getTime()) / 1000 : 0;
  return {
    state: state.name,
    start_time: state.startedTime?.toISOString() ?? null,
    archived_time: state.archivedTime?.toISOString() ?? null,
    execution_time: seconds,
  };
}
