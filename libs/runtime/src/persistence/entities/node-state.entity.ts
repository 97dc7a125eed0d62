import { Entity, Index } from 'typeorm';
import { BoolColumn, CreatedTimeColumn, IdColumn, IdStringColumn, IntColumn, NameColumn, TimeColumn } from '../columns';

/**
 * The state record of a node or pipeline (01 §4). `version` changes on every new attempt; writers
 * compare-and-set on it with `UPDATE … WHERE node_id = ? AND version = ?` (ADR 0004).
 */
@Entity('eri_state')
export class NodeStateEntity {
  @IdColumn()
  id!: number;

  @Index('uq_eri_state_node_id', { unique: true })
  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @Index('idx_eri_state_root_id')
  @IdStringColumn({ name: 'root_id', default: '' })
  rootId!: string;

  @Index('idx_eri_state_parent_id')
  @IdStringColumn({ name: 'parent_id', default: '' })
  parentId!: string;

  @NameColumn(64)
  name!: string;

  @IdStringColumn()
  version!: string;

  @IntColumn(1)
  loop!: number;

  @IntColumn(1, { name: 'inner_loop' })
  innerLoop!: number;

  @IntColumn(0)
  retry!: number;

  @BoolColumn(false)
  skip!: boolean;

  @BoolColumn(false, { name: 'error_ignored' })
  errorIgnored!: boolean;

  @CreatedTimeColumn('created_time')
  createdTime!: Date;

  @TimeColumn({ name: 'started_time', nullable: true })
  startedTime!: Date | null;

  @TimeColumn({ name: 'archived_time', nullable: true })
  archivedTime!: Date | null;
}
