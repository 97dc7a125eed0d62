import { Entity, Index } from 'typeorm';
import { IdColumn, IdStringColumn, JsonColumn, NameColumn } from '../columns';

/**
 * The inputs and outputs of a node's latest execution. Values are JSON (07 §2.5: no pickle), so the
 * serializer columns always read `json`; they are kept for compatibility with the original rows.
 */
@Entity('eri_execution_data')
export class ExecutionDataEntity {
  @IdColumn()
  id!: number;

  @Index('uq_eri_execution_data_node_id', { unique: true })
  @IdStringColumn({ name: 'node_id' })
  nodeId!: string;

  @NameColumn(32, { name: 'inputs_serializer', default: 'json' })
  inputsSerializer!: string;

  @NameColumn(32, { name: 'outputs_serializer', default: 'json' })
  outputsSerializer!: string;

  @JsonColumn()
  inputs!: Record<string, unknown>;

  @JsonColumn()
  outputs!: Record<string, unknown>;
}
