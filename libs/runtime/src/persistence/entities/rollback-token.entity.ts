import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, IdStringColumn, JsonColumn } from '../columns';

/** Token map `{node_id: token}` of a run, written when rollback is enabled (09 §8). */
@Entity('rollback_token')
export class RollbackTokenEntity {
  @IdColumn()
  id!: number;

  @Index('idx_rollback_token_root_pipeline_id')
  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @JsonColumn()
  token!: Record<string, string>;

  @BoolColumn(false, { name: 'is_deleted' })
  isDeleted!: boolean;
}
