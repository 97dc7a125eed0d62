import { Entity } from 'typeorm';
import { IdColumn, JsonColumn } from '../columns';

/** A batch of fired timer-event keys handed to the dispatch job (09 §6.5). */
@Entity('expired_nodes_record')
export class ExpiredNodesRecordEntity {
  @IdColumn()
  id!: number;

  @JsonColumn()
  nodes!: string[];
}
