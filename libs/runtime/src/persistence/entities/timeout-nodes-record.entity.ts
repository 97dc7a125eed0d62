import { Entity } from 'typeorm';
import { IdColumn, JsonColumn } from '../columns';

/** A batch of timed-out `"<node_id>_<version>"` members handed to the dispatch job (09 §6.4). */
@Entity('timeout_nodes_record')
export class TimeoutNodesRecordEntity {
  @IdColumn()
  id!: number;

  @JsonColumn({ name: 'timeout_nodes' })
  timeoutNodes!: string[];
}
