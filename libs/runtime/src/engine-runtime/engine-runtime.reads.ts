import type {
  ContextValue,
  ExecutionData,
  HistoryRecord,
  NodeData,
  NodeStateRecord,
  ProcessRecord,
} from '@bamboo/engine';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ContextValueEntity,
  ExecutionDataEntity,
  ExecutionHistoryEntity,
  LogEntryEntity,
  NodeDataEntity,
  NodeStateEntity,
  ProcessEntity,
} from '../persistence';
import {
  toContextValue,
  toExecutionData,
  toHistoryRecord,
  toNodeData,
  toProcessRecord,
  toStateRecord,
} from './record-mappers';
import { RawTable } from './raw-table';
import type { Gate } from './serial-gate';

/** The port's reads for the API and tests (not on the execution path). */
export abstract class EngineRuntimeReads {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly readGate: Gate,
  ) {}

  protected read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.readGate.run(() => work(this.dataSource.manager));
  }

  getState(nodeId: string): Promise<NodeStateRecord | undefined> {
    return this.read(async (m) => {
      // RawTable, not the query builder: clients poll a node's state (GET /nodes/{id}/state).
      const row = await RawTable.of(m, NodeStateEntity).findOne(m, { nodeId });
      return row ? toStateRecord(row) : undefined;
    });
  }

  getStatesOfRoot(rootId: string): Promise<NodeStateRecord[]> {
    return this.read(async (m) => (await RawTable.of(m, NodeStateEntity).find(m, { rootId })).map(toStateRecord));
  }

  getExecutionData(nodeId: string): Promise<ExecutionData | undefined> {
    return this.read(async (m) => {
      const row = await m.findOne(ExecutionDataEntity, { where: { nodeId } });
      return row ? toExecutionData(row) : undefined;
    });
  }

  getNodeData(nodeId: string): Promise<NodeData | undefined> {
    return this.read(async (m) => {
      const row = await m.findOne(NodeDataEntity, { where: { nodeId } });
      return row ? toNodeData(row) : undefined;
    });
  }

  getHistories(nodeId: string): Promise<HistoryRecord[]> {
    return this.read(async (m) => {
      const rows = await m.find(ExecutionHistoryEntity, { where: { nodeId }, order: { id: 'ASC' } });
      return rows.map(toHistoryRecord);
    });
  }

  getContext(pipelineId: string): Promise<ContextValue[]> {
    return this.read(async (m) => {
      const rows = await m.find(ContextValueEntity, { where: { pipelineId }, order: { id: 'ASC' } });
      return rows.map(toContextValue);
    });
  }

  /** Lines of one attempt in write order (spec 09 §9). */
  getNodeLogs(nodeId: string, version: string): Promise<string[]> {
    return this.read(async (m) => {
      const rows = await m.find(LogEntryEntity, { where: { nodeId, version }, order: { id: 'ASC' } });
      return rows.map((row) => row.message ?? '');
    });
  }

  getProcesses(rootPipelineId: string): Promise<ProcessRecord[]> {
    return this.read(async (m) => {
      const rows = await m.find(ProcessEntity, { where: { rootPipelineId }, order: { id: 'ASC' } });
      return rows.map(toProcessRecord);
    });
  }
}
