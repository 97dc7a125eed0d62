import { Entity } from 'typeorm';
import { CreatedTimeColumn, IdColumn } from '../columns';

/**
 * Id blocks handed to runtime instances: each process reserves a row and mints the ids of its
 * processes, schedules, histories and callback data inside that block without a round trip.
 */
@Entity('bamboo_id_block')
export class IdBlockEntity {
  @IdColumn()
  id!: number;

  @CreatedTimeColumn('created_at')
  createdAt!: Date;
}
