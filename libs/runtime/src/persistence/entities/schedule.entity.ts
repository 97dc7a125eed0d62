import { Entity, Index } from 'typeorm';
import {
  BigIntColumn,
  BoolColumn,
  IdColumn,
  IdStringColumn,
  IntColumn,
  TimeColumn,
  UpdatedTimeColumn,
} from '../columns';

/** 1 CALLBACK, 2 MULTIPLE_CALLBACK, 3 POLL (09 §2.1). */
export type ScheduleType = 1 | 2 | 3;

/** One schedule per node attempt; `scheduling` is the lock taken by conditional update (ADR 0004). */
@Entity('eri_schedule')
@Index('uq_eri_schedule_node_version', ['nodeId', 'version'], { unique: true })
@Index('idx_eri_schedule_lock', ['scheduling', 'lockAcquiredAt'])
export class ScheduleEntity {
  @IdColumn()
  id!: number;

  @IntColumn()
  type!: ScheduleType;

  @BigIntColumn(-1, { name: 'process_id' })
  processId!: number;

  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @BoolColumn(false)
  finished!: boolean;

  @BoolColumn(false)
  expired!: boolean;

  @BoolColumn(false)
  scheduling!: boolean;

  @IdStringColumn()
  version!: string;

  @IntColumn(0, { name: 'schedule_times' })
  scheduleTimes!: number;

  /** Lets a leaked lock expire after SCHEDULE_LOCK_TTL_SECONDS (09 §6.2 c). */
  @TimeColumn({ name: 'lock_acquired_at', nullable: true })
  lockAcquiredAt!: Date | null;

  @UpdatedTimeColumn('updated_at')
  updatedAt!: Date;
}
