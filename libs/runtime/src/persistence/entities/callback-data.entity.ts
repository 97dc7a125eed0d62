import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, IdStringColumn, JsonColumn } from '../columns';

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

  /** Set when a schedule step has handled the payload: a redelivered task then finds nothing. */
  @BoolColumn(false)
  consumed!: boolean;
}
