import { Entity, Index } from 'typeorm';
import { IdColumn, IdStringColumn, JsonColumn } from '../columns';

/** Payload of one callback, bound to the node attempt (version) it was sent to. */
@Entity('eri_callback_data')
@Index('idx_eri_callback_data_node_version', ['nodeId', 'version'])
export class CallbackDataEntity {
  @IdColumn()
  id!: number;

  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @IdStringColumn()
  version!: string;

  @JsonColumn()
  data!: unknown;
}
