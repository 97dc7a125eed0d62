import { request } from './http';
import type {
  ComponentInfo,
  EngineStatus,
  ExecutionData,
  HistoryRecord,
  NodeLog,
  NodeStateRecord,
  PipelineDetail,
  PipelineListQuery,
  PipelinePage,
  StatesResponse,
  WhoAmI,
} from './types';

const enc = encodeURIComponent;

// Reads (200).
export const api = {
  listPipelines: (query: PipelineListQuery) => request<PipelinePage>('GET', '/pipelines', { query: { ...query } }),
  getPipeline: (id: string) => request<PipelineDetail>('GET', `/pipelines/${enc(id)}`),
  getStates: (rootId: string) =>
    request<StatesResponse>('GET', `/pipelines/${enc(rootId)}/states`, { query: { flat_children: true } }),
  getNodeState: (nodeId: string) => request<NodeStateRecord>('GET', `/nodes/${enc(nodeId)}/state`),
  getExecutionData: (nodeId: string) => request<ExecutionData>('GET', `/nodes/${enc(nodeId)}/execution-data`),
  getHistories: (nodeId: string) => request<HistoryRecord[]>('GET', `/nodes/${enc(nodeId)}/histories`),
  getLogs: (nodeId: string) => request<NodeLog>('GET', `/nodes/${enc(nodeId)}/logs`),
  listComponents: () => request<ComponentInfo[]>('GET', '/components'),
  engineStatus: () => request<EngineStatus>('GET', '/engine/status'),
  whoami: () => request<WhoAmI>('GET', '/auth/whoami'),
};

// Commands (202). Bodies use the engine's snake_case parameter names (spec 06 B.1 rule 1).
export const commands = {
  pausePipeline: (id: string) => request<unknown>('POST', `/pipelines/${enc(id)}/pause`),
  resumePipeline: (id: string) => request<unknown>('POST', `/pipelines/${enc(id)}/resume`),
  revokePipeline: (id: string) => request<unknown>('POST', `/pipelines/${enc(id)}/revoke`),
  pauseNode: (id: string) => request<unknown>('POST', `/nodes/${enc(id)}/pause`),
  resumeNode: (id: string) => request<unknown>('POST', `/nodes/${enc(id)}/resume`),
  retryNode: (id: string, inputs?: Record<string, unknown>) =>
    request<unknown>('POST', `/nodes/${enc(id)}/retry`, { body: inputs === undefined ? {} : { inputs } }),
  retrySubprocess: (id: string) => request<unknown>('POST', `/nodes/${enc(id)}/retry-subprocess`),
  skipNode: (id: string) => request<unknown>('POST', `/nodes/${enc(id)}/skip`, { body: {} }),
  skipExclusiveGateway: (id: string, flowId: string) =>
    request<unknown>('POST', `/nodes/${enc(id)}/skip-exclusive-gateway`, { body: { flow_id: flowId } }),
  skipConditionalParallelGateway: (id: string, flowIds: string[], convergeGatewayId: string) =>
    request<unknown>('POST', `/nodes/${enc(id)}/skip-conditional-parallel-gateway`, {
      body: { flow_ids: flowIds, converge_gateway_id: convergeGatewayId },
    }),
  forcedFail: (id: string, exData: string) =>
    request<unknown>('POST', `/nodes/${enc(id)}/forced-fail`, { body: { ex_data: exData } }),
  callback: (id: string, version: string, data: unknown) =>
    request<{ callback_data_id: number } | null>('POST', `/nodes/${enc(id)}/callbacks`, { body: { version, data } }),
};
