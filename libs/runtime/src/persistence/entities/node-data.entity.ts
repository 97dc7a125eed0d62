import { Entity, Index } from 'typeorm';
import { IdColumn, IdStringColumn, JsonColumn } from '../columns';

/** A node's declared inputs `{key: {need_render, value}}` and output mapping `{source_key: context_key}`. */
@Entity('eri_data')
export class NodeDataEntity {
  @IdColumn()
  id!: number;

  @Index('uq_eri_data_node_id', { unique: true })
  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @JsonColumn()
  inputs!: Record<string, unknown>;

  @JsonColumn()
  outputs!: Record<string, unknown>;
}
