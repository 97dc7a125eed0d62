import { Entity, Index } from 'typeorm';
import { CreatedTimeColumn, IdColumn, IdStringColumn, JsonColumn, NameColumn } from '../columns';

/**
 * The validated tree of a root run as it was started. Not an ERI table: the REST additions of
 * 00-README (`GET /api/v1/pipelines`, `/pipelines/{id}`) list runs by name and creation time and
 * draw their graph, which the ERI tables alone cannot answer.
 */
@Entity('bamboo_pipeline_instance')
export class PipelineInstanceEntity {
  @IdColumn()
  id!: number;

  @Index('uq_bamboo_pipeline_instance_pipeline_id', { unique: true })
  @IdStringColumn({ name: 'pipeline_id' })
  pipelineId!: string;

  @Index('idx_bamboo_pipeline_instance_name')
  @NameColumn(255, { default: '' })
  name!: string;

  @JsonColumn()
  tree!: Record<string, unknown>;

  @Index('idx_bamboo_pipeline_instance_created_time')
  @CreatedTimeColumn('created_time')
  createdTime!: Date;
}
