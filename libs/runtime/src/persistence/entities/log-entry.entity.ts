import { Column, Entity, Index } from 'typeorm';
import { CreatedTimeColumn, IdColumn, IdStringColumn, IntColumn, NameColumn } from '../columns';

/** One log line written while a node attempt was current (09 §9). */
@Entity('eri_log_entry')
@Index('idx_eri_log_entry_node_loop', ['nodeId', 'loop'])
@Index('idx_eri_log_entry_node_version', ['nodeId', 'version'])
export class LogEntryEntity {
  @IdColumn()
  id!: number;

  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @IdStringColumn({ default: '' })
  version!: string;

  @IntColumn(1)
  loop!: number;

  @NameColumn(128, { name: 'logger_name' })
  loggerName!: string;

  @NameColumn(32, { name: 'level_name' })
  levelName!: string;

  // TEXT on MySQL holds 64 KiB: the log writer truncates longer lines (ADR 0004).
  @Column({ type: 'text', nullable: true })
  message!: string | null;

  // Log retention deletes by age (LOG_PERSISTENT_DAYS).
  @Index('idx_eri_log_entry_logged_at')
  @CreatedTimeColumn('logged_at')
  loggedAt!: Date;
}
