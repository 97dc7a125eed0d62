import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, IdStringColumn, JsonColumn, NameColumn } from '../columns';

/** A reserved rollback, run when its start node finishes (09 §8 step 2). */
@Entity('rollback_plan')
export class RollbackPlanEntity {
  @IdColumn()
  id!: number;

  @Index('idx_rollback_plan_root_pipeline_id')
  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @IdStringColumn({ name: 'start_node_id' })
  startNodeId!: string;

  @IdStringColumn({ name: 'target_node_id' })
  targetNodeId!: string;

  @NameColumn(32, { default: 'TOKEN' })
  mode!: string;

  @JsonColumn()
  options!: Record<string, unknown>;

  @BoolColumn(false, { name: 'is_expired' })
  isExpired!: boolean;
}
