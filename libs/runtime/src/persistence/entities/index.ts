import { CallbackDataEntity } from './callback-data.entity';
import { ComponentModelEntity } from './component-model.entity';
import { ContextOutputsEntity } from './context-outputs.entity';
import { ContextValueEntity } from './context-value.entity';
import { ExecutionDataEntity } from './execution-data.entity';
import { ExecutionHistoryEntity } from './execution-history.entity';
import { ExpiredNodesRecordEntity } from './expired-nodes-record.entity';
import { IdBlockEntity } from './id-block.entity';
import { LogEntryEntity } from './log-entry.entity';
import { NodeDataEntity } from './node-data.entity';
import { NodeStateEntity } from './node-state.entity';
import { NodeTimeoutConfigEntity } from './node-timeout-config.entity';
import { NodeTimerEventConfigEntity } from './node-timer-event-config.entity';
import { NodeEntity } from './node.entity';
import { PeriodicTaskHistoryEntity } from './periodic-task-history.entity';
import { PeriodicTaskEntity } from './periodic-task.entity';
import { PipelineInstanceEntity } from './pipeline-instance.entity';
import { PluginExecuteTaskEntity } from './plugin-execute-task.entity';
import { ProcessEntity } from './process.entity';
import { RollbackNodeSnapshotEntity } from './rollback-node-snapshot.entity';
import { RollbackPlanEntity } from './rollback-plan.entity';
import { RollbackSnapshotEntity } from './rollback-snapshot.entity';
import { RollbackTokenEntity } from './rollback-token.entity';
import { ScheduleEntity } from './schedule.entity';
import { TimeoutNodesRecordEntity } from './timeout-nodes-record.entity';

export {
  CallbackDataEntity,
  ComponentModelEntity,
  ContextOutputsEntity,
  ContextValueEntity,
  ExecutionDataEntity,
  ExecutionHistoryEntity,
  ExpiredNodesRecordEntity,
  IdBlockEntity,
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
};
export type { ContextValueType } from './context-value.entity';
export type { TimerEventDefinition } from './node-timer-event-config.entity';
export type { PeriodicCron } from './periodic-task.entity';
export type { PluginExecuteState } from './plugin-execute-task.entity';
export type { ScheduleType } from './schedule.entity';

/** Every entity of the runtime, for the data source. */
export const BAMBOO_ENTITIES = [
  ProcessEntity,
  NodeEntity,
  NodeStateEntity,
  ScheduleEntity,
  NodeDataEntity,
  ExecutionDataEntity,
  CallbackDataEntity,
  ContextValueEntity,
  ContextOutputsEntity,
  ExecutionHistoryEntity,
  LogEntryEntity,
  RollbackTokenEntity,
  RollbackSnapshotEntity,
  RollbackNodeSnapshotEntity,
  RollbackPlanEntity,
  NodeTimeoutConfigEntity,
  TimeoutNodesRecordEntity,
  NodeTimerEventConfigEntity,
  ExpiredNodesRecordEntity,
  PluginExecuteTaskEntity,
  ComponentModelEntity,
  PeriodicTaskEntity,
  PeriodicTaskHistoryEntity,
  PipelineInstanceEntity,
  IdBlockEntity,
] as const;
