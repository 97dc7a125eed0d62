import { Entity, Index, PrimaryColumn } from 'typeorm';
import { IdStringColumn, JsonColumn } from '../columns';

/** One timer boundary event of a ServiceActivity (09 §6.5). */
export interface TimerEventDefinition {
  index: number;
  action: string;
  timer_type: 'time_date' | 'time_duration' | 'time_cycle';
  repetitions: number;
  defined: string;
}

@Entity('node_timer_event_config')
export class NodeTimerEventConfigEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'node_id' })
  nodeId!: string;

  @Index('idx_node_timer_event_config_root_pipeline_id')
  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @JsonColumn()
  events!: TimerEventDefinition[];
}
