import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, IdStringColumn, JsonColumn, NameColumn } from '../columns';

/** Inputs, outputs and root data of one finished ServiceActivity attempt, replayed by rollback. */
@Entity('rollback_node_snapshot')
@Index('idx_rollback_node_snapshot_root_node', ['rootPipelineId', 'nodeId'])
export class RollbackNodeSnapshotEntity {
  @IdColumn()
  id!: number;

  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @NameColumn(255)
  code!: string;

  @IdStringColumn()
  version!: string;

  @JsonColumn()
  inputs!: Record<string, unknown>;

  @JsonColumn()
  outputs!: Record<string, unknown>;

  @JsonColumn({ name: 'context_values' })
  contextValues!: Record<string, unknown>;

  @BoolColumn(false, { name: 'rolled_back' })
  rolledBack!: boolean;
}
