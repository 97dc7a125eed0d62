import { Entity, Index } from 'typeorm';
import { BoolColumn, CreatedTimeColumn, IdColumn, IntColumn, JsonColumn, NameColumn, TimeColumn } from '../columns';

export type PluginExecuteState = 'READY' | 'RUNNING' | 'FINISHED' | 'FAILED';

/** A single component run outside any pipeline (07 §6.2). */
@Entity('plugin_execute_task')
export class PluginExecuteTaskEntity {
  @IdColumn()
  id!: number;

  @NameColumn(32)
  state!: PluginExecuteState;

  @IntColumn(1, { name: 'invoke_count' })
  invokeCount!: number;

  @Index('idx_plugin_execute_task_component_code')
  @NameColumn(255, { name: 'component_code' })
  componentCode!: string;

  @NameColumn(64, { default: 'legacy' })
  version!: string;

  @JsonColumn()
  inputs!: Record<string, unknown>;

  @JsonColumn()
  outputs!: Record<string, unknown>;

  @JsonColumn({ name: 'callback_data' })
  callbackData!: Record<string, unknown>;

  @JsonColumn()
  contexts!: Record<string, unknown>;

  @JsonColumn({ name: 'runtime_attrs' })
  runtimeAttrs!: Record<string, unknown>;

  @Index('idx_plugin_execute_task_scheduling')
  @BoolColumn(false)
  scheduling!: boolean;

  @CreatedTimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn({ name: 'finish_at', nullable: true })
  finishAt!: Date | null;
}
