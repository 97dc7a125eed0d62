import { Entity, Index } from 'typeorm';
import { IdColumn, IdStringColumn, JsonColumn } from '../columns';

/** The immutable definition of one node of a run (09 §2.2), read through get_node. */
@Entity('eri_node')
export class NodeEntity {
  @IdColumn()
  id!: number;

  @Index('uq_eri_node_node_id', { unique: true })
  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @JsonColumn()
  detail!: Record<string, unknown>;

  /** Loads a run's definition in one indexed read. */
  @Index('idx_eri_node_root_pipeline_id')
  @IdStringColumn({ name: 'root_pipeline_id', default: '' })
  rootPipelineId!: string;
}
