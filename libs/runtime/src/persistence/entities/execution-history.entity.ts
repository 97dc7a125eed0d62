import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, IdStringColumn, IntColumn, JsonColumn, NameColumn, TimeColumn } from '../columns';

/** One finished attempt of a node, archived before a retry, skip or loop re-entry. */
@Entity('eri_execution_history')
@Index('idx_eri_execution_history_node_loop', ['nodeId', 'loop'])
export class ExecutionHistoryEntity {
  @IdColumn()
  id!: number;

  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @IntColumn(1)
  loop!: number;

  @IntColumn(0)
  retry!: number;

  @BoolColumn(false)
  skip!: boolean;

  @IdStringColumn()
  version!: string;

  // NOT NULL in the original; nullable here (09 §2.1 Decision) for attempts that never started.
  @TimeColumn({ name: 'started_time', nullable: true })
  startedTime!: Date | null;

  @TimeColumn({ name: 'archived_time', nullable: true })
  archivedTime!: Date | null;

  @NameColumn(32, { name: 'inputs_serializer', default: 'json' })
  inputsSerializer!: string;

  @NameColumn(32, { name: 'outputs_serializer', default: 'json' })
  outputsSerializer!: string;

  @JsonColumn()
  inputs!: Record<string, unknown>;

  @JsonColumn()
  outputs!: Record<string, unknown>;
}
