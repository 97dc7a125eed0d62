import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, IdStringColumn, JsonColumn } from '../columns';

/** The graph a TOKEN rollback walks, with visit counts (09 §8 step 3). */
@Entity('rollback_snapshot')
export class RollbackSnapshotEntity {
  @IdColumn()
  id!: number;

  @Index('idx_rollback_snapshot_root_pipeline_id')
  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @JsonColumn()
  graph!: Record<string, unknown>;

  @JsonColumn({ name: 'node_access_record' })
  nodeAccessRecord!: Record<string, number>;

  @JsonColumn({ name: 'skip_rollback_nodes' })
  skipRollbackNodes!: string[];

  @JsonColumn({ name: 'other_nodes' })
  otherNodes!: string[];

  @IdStringColumn({ name: 'start_node_id' })
  startNodeId!: string;

  @IdStringColumn({ name: 'target_node_id' })
  targetNodeId!: string;

  @BoolColumn(false, { name: 'is_expired' })
  isExpired!: boolean;
}
