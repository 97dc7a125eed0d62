import { Entity, Index } from 'typeorm';
import {
  BigIntColumn,
  BoolColumn,
  CreatedTimeColumn,
  IdColumn,
  IdStringColumn,
  IntColumn,
  JsonColumn,
  NameColumn,
} from '../columns';

/** One line of execution: the root of a run or a branch created by a parallel split (09 §1.1). */
@Entity('eri_process')
@Index('idx_eri_process_asleep_current_node', ['asleep', 'currentNodeId'])
@Index('idx_eri_process_dead_current_node', ['dead', 'currentNodeId'])
export class ProcessEntity {
  @IdColumn()
  id!: number;

  @Index('idx_eri_process_parent_id')
  @BigIntColumn(-1, { name: 'parent_id' })
  parentId!: number;

  @IntColumn(0, { name: 'ack_num' })
  ackNum!: number;

  @IntColumn(-1, { name: 'need_ack' })
  needAck!: number;

  @BoolColumn(true)
  asleep!: boolean;

  @BoolColumn(false)
  suspended!: boolean;

  @BoolColumn(false)
  frozen!: boolean;

  @BoolColumn(false)
  dead!: boolean;

  // The zombie doctor scans on it (09 §6.2), so it is indexed and defaults to the insert time.
  @Index('idx_eri_process_last_heartbeat')
  @CreatedTimeColumn('last_heartbeat')
  lastHeartbeat!: Date;

  @IdStringColumn({ name: 'destination_id', default: '' })
  destinationId!: string;

  @Index('idx_eri_process_current_node_id')
  @IdStringColumn({ name: 'current_node_id', default: '' })
  currentNodeId!: string;

  @Index('idx_eri_process_root_pipeline_id')
  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @Index('idx_eri_process_suspended_by')
  @IdStringColumn({ name: 'suspended_by', default: '' })
  suspendedBy!: string;

  @IntColumn(100)
  priority!: number;

  @NameColumn(128, { default: '' })
  queue!: string;

  /** JSON list of pipeline ids, innermost last. */
  @JsonColumn({ name: 'pipeline_stack' })
  pipelineStack!: string[];

  @CreatedTimeColumn('created_at')
  createdAt!: Date;

  /**
   * Token of the one execute task allowed to drive the process next (null: none in flight). The
   * engine's duplicate-delivery guard compares-and-sets on it.
   */
  @IdStringColumn({ name: 'task_token', nullable: true })
  taskToken!: string | null;

  /** Node the task holding `task_token` starts at, so a lost task can be dispatched again. */
  @IdStringColumn({ name: 'task_node_id', nullable: true })
  taskNodeId!: string | null;
}
