import { Entity, Index } from 'typeorm';
import { IdColumn, IdStringColumn, JsonColumn } from '../columns';

/** The context keys a pipeline exposes to its parent (or to the caller for the root). */
@Entity('eri_context_outputs')
export class ContextOutputsEntity {
  @IdColumn()
  id!: number;

  @Index('uq_eri_context_outputs_pipeline_id', { unique: true })
  @IdStringColumn({ name: 'pipeline_id' })
  pipelineId!: string;

  @JsonColumn()
  outputs!: string[];
}
