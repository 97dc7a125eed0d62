import { Entity, Index } from 'typeorm';
import { BoolColumn, CreatedTimeColumn, IdColumn, IntColumn, JsonColumn, NameColumn, TimeColumn } from '../columns';

/** Cron fields of a periodic pipeline, each defaulting to `*` (09 §7). */
export interface PeriodicCron {
  minute: string;
  hour: string;
  day_of_week: string;
  day_of_month: string;
  month_of_year: string;
}

/** A pipeline started on a cron schedule (09 §7); created disabled. */
@Entity('periodic_task')
export class PeriodicTaskEntity {
  @IdColumn()
  id!: number;

  @NameColumn(64)
  name!: string;

  /** The template snapshot; `extra_info.pipeline_formator` converts it to a runnable tree. */
  @JsonColumn()
  tree!: Record<string, unknown>;

  @JsonColumn()
  cron!: PeriodicCron;

  @NameColumn(64, { default: 'UTC' })
  timezone!: string;

  @NameColumn(64, { default: '' })
  creator!: string;

  @IntColumn(100)
  priority!: number;

  @NameColumn(128, { default: '' })
  queue!: string;

  @JsonColumn({ name: 'extra_info' })
  extraInfo!: Record<string, unknown>;

  @IntColumn(0, { name: 'total_run_count' })
  totalRunCount!: number;

  @TimeColumn({ name: 'last_run_at', nullable: true })
  lastRunAt!: Date | null;

  @Index('idx_periodic_task_enabled')
  @BoolColumn(false)
  enabled!: boolean;

  @CreatedTimeColumn('created_at')
  createdAt!: Date;
}
