import type { ObjectLiteral } from 'typeorm';
import {
  CallbackDataEntity,
  ComponentModelEntity,
  ContextOutputsEntity,
  ContextValueEntity,
  ExecutionDataEntity,
  ExecutionHistoryEntity,
  ExpiredNodesRecordEntity,
  LogEntryEntity,
  NodeDataEntity,
  NodeEntity,
  NodeStateEntity,
  NodeTimeoutConfigEntity,
  NodeTimerEventConfigEntity,
  PeriodicTaskEntity,
  PeriodicTaskHistoryEntity,
  PipelineInstanceEntity,
  PluginExecuteTaskEntity,
  ProcessEntity,
  RollbackNodeSnapshotEntity,
  RollbackPlanEntity,
  RollbackSnapshotEntity,
  RollbackTokenEntity,
  ScheduleEntity,
  TimeoutNodesRecordEntity,
} from './entities';

export interface SampleRow {
  readonly entity: new () => ObjectLiteral;
  /** What the test writes (only required columns, so defaults are exercised too). */
  readonly write: ObjectLiteral;
  /** Defaults the database must fill in. */
  readonly defaults: ObjectLiteral;
}

const at = new Date('2024-05-06T07:08:09.123Z');
// Unicode, nesting, a JSON string that looks like a number: all must come back untouched.
const tricky = { text: '中文 ✓', nested: { list: [1, 'two', null, true] }, numeric: '123' };

/** One row per entity for the write/read round trip of the persistence conformance suite. */
export const SAMPLE_ROWS: readonly SampleRow[] = [
  {
    entity: ProcessEntity,
    write: { rootPipelineId: 'p1', pipelineStack: ['p1', 'sub1'] },
    defaults: {
      parentId: -1,
      ackNum: 0,
      needAck: -1,
      asleep: true,
      suspended: false,
      frozen: false,
      dead: false,
      destinationId: '',
      currentNodeId: '',
      suspendedBy: '',
      priority: 100,
      queue: '',
    },
  },
  {
    entity: NodeEntity,
    write: { nodeId: 'n1', detail: { id: 'n1', type: 'ServiceActivity', ...tricky } },
    defaults: {},
  },
  {
    entity: NodeStateEntity,
    write: { nodeId: 'n1', name: 'RUNNING', version: 'v1', startedTime: at },
    defaults: { rootId: '', parentId: '', loop: 1, innerLoop: 1, retry: 0, skip: false, errorIgnored: false },
  },
  {
    entity: ScheduleEntity,
    write: { type: 3, nodeId: 'n1', version: 'v1' },
    defaults: {
      processId: -1,
      finished: false,
      expired: false,
      scheduling: false,
      scheduleTimes: 0,
      lockAcquiredAt: null,
    },
  },
  {
    entity: NodeDataEntity,
    write: { nodeId: 'n1', inputs: { a: { need_render: true, value: '${x}' } }, outputs: { out: '${y}' } },
    defaults: {},
  },
  {
    entity: ExecutionDataEntity,
    write: { nodeId: 'n1', inputs: tricky, outputs: { _result: true, ex_data: '' } },
    defaults: { inputsSerializer: 'json', outputsSerializer: 'json' },
  },
  { entity: CallbackDataEntity, write: { nodeId: 'n1', version: 'v1', data: ['a', 1] }, defaults: {} },
  {
    entity: ContextValueEntity,
    write: { pipelineId: 'p1', key: '${x}', type: 1, value: '123', references: ['${y}'] },
    defaults: { serializer: 'json', code: '' },
  },
  { entity: ContextOutputsEntity, write: { pipelineId: 'p1', outputs: ['${x}'] }, defaults: {} },
  {
    entity: ExecutionHistoryEntity,
    write: { nodeId: 'n1', version: 'v1', startedTime: at, archivedTime: null, inputs: {}, outputs: tricky },
    defaults: { loop: 1, retry: 0, skip: false, inputsSerializer: 'json', outputsSerializer: 'json' },
  },
  {
    entity: LogEntryEntity,
    write: { nodeId: 'n1', loggerName: 'component', levelName: 'INFO', message: 'hello 中文' },
    defaults: { version: '', loop: 1 },
  },
  { entity: RollbackTokenEntity, write: { rootPipelineId: 'p1', token: { n1: 't1' } }, defaults: { isDeleted: false } },
  {
    entity: RollbackSnapshotEntity,
    write: {
      rootPipelineId: 'p1',
      graph: { nodes: ['START', 'n1', 'END'], flows: [] },
      nodeAccessRecord: { n1: 0 },
      skipRollbackNodes: [],
      otherNodes: ['n2'],
      startNodeId: 'n2',
      targetNodeId: 'n1',
    },
    defaults: { isExpired: false },
  },
  {
    entity: RollbackNodeSnapshotEntity,
    write: {
      rootPipelineId: 'p1',
      nodeId: 'n1',
      code: 'example_component',
      version: 'legacy',
      inputs: {},
      outputs: {},
      contextValues: tricky,
    },
    defaults: { rolledBack: false },
  },
  {
    entity: RollbackPlanEntity,
    write: { rootPipelineId: 'p1', startNodeId: 'n2', targetNodeId: 'n1', options: {} },
    defaults: { mode: 'TOKEN', isExpired: false },
  },
  {
    entity: NodeTimeoutConfigEntity,
    write: { nodeId: 'n1', rootPipelineId: 'p1', action: 'forced_fail', timeout: 30 },
    defaults: {},
  },
  { entity: TimeoutNodesRecordEntity, write: { timeoutNodes: ['n1_v1'] }, defaults: {} },
  {
    entity: NodeTimerEventConfigEntity,
    write: {
      nodeId: 'n1',
      rootPipelineId: 'p1',
      events: [{ index: 1, action: 'example', timer_type: 'time_cycle', repetitions: 5, defined: 'R5/PT10S' }],
    },
    defaults: {},
  },
  { entity: ExpiredNodesRecordEntity, write: { nodes: ['bamboo:v1:node_timer_event:node:n1'] }, defaults: {} },
  {
    entity: PluginExecuteTaskEntity,
    write: {
      state: 'READY',
      componentCode: 'example_component',
      inputs: tricky,
      outputs: {},
      callbackData: {},
      contexts: {},
      runtimeAttrs: {},
    },
    defaults: { invokeCount: 1, version: 'legacy', scheduling: false, finishAt: null },
  },
  {
    entity: ComponentModelEntity,
    write: { code: 'example_component', name: 'Example-Component' },
    defaults: { version: 'legacy', isDefaultVersion: false, status: true },
  },
  {
    entity: PeriodicTaskEntity,
    write: {
      name: 'nightly',
      tree: { id: 'p1' },
      cron: { minute: '0', hour: '2', day_of_week: '*', day_of_month: '*', month_of_year: '*' },
      extraInfo: { pipeline_formator: 'identity' },
    },
    defaults: {
      timezone: 'UTC',
      creator: '',
      priority: 100,
      queue: '',
      totalRunCount: 0,
      lastRunAt: null,
      enabled: false,
    },
  },
  {
    entity: PeriodicTaskHistoryEntity,
    write: { periodicTaskId: 1, startAt: at, exData: null },
    defaults: { pipelineId: '', startSuccess: true, priority: 100, queue: '' },
  },
  { entity: PipelineInstanceEntity, write: { pipelineId: 'p1', tree: tricky }, defaults: { name: '' } },
];
