import { Column, Entity, Index } from 'typeorm';
import { BigIntColumn, BoolColumn, IdColumn, IdStringColumn, IntColumn, NameColumn, TimeColumn } from '../columns';

/** One tick of a periodic pipeline, successful or not (09 §7). */
@Entity('periodic_task_history')
export class PeriodicTaskHistoryEntity {
  @IdColumn()
  id!: number;

  @Index('idx_periodic_task_history_task_id')
  @BigIntColumn(undefined, { name: 'periodic_task_id' })
  periodicTaskId!: number;

  @IdStringColumn({ name: 'pipeline_id', default: '' })
  pipelineId!: string;

  @TimeColumn({ name: 'start_at' })
  startAt!: Date;

  @BoolColumn(true, { name: 'start_success' })
  startSuccess!: boolean;

  @Column({ type: 'text', name: 'ex_data', nullable: true })
  exData!: string | null;

  @IntColumn(100)
  priority!: number;

  @NameColumn(128, { default: '' })
  queue!: string;
}
