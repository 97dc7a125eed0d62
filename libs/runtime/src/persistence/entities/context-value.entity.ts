import { Entity, Index } from 'typeorm';
import { IdColumn, IdStringColumn, IntColumn, JsonColumn, NameColumn } from '../columns';

/** 1 PLAIN, 2 SPLICE, 3 COMPUTE (04). */
export type ContextValueType = 1 | 2 | 3;

/** One variable of a pipeline scope, with the transitive keys it references. */
@Entity('eri_context_value')
@Index('uq_eri_context_value_pipeline_key', ['pipelineId', 'key'], { unique: true })
export class ContextValueEntity {
  @IdColumn()
  id!: number;

  @IdStringColumn({ name: 'pipeline_id' })
  pipelineId!: string;

  @NameColumn(128)
  key!: string;

  @IntColumn()
  type!: ContextValueType;

  @NameColumn(32, { default: 'json' })
  serializer!: string;

  @NameColumn(128, { default: '' })
  code!: string;

  @JsonColumn()
  value!: unknown;

  @JsonColumn()
  references!: string[];
}
