import { Entity, Index, PrimaryColumn } from 'typeorm';
import { IdStringColumn, IntColumn, NameColumn } from '../columns';

/** Timeout of one ServiceActivity (09 §6.4): when RUNNING longer than `timeout` seconds, run `action`. */
@Entity('node_timeout_config')
@Index('idx_node_timeout_config_root_node', ['rootPipelineId', 'nodeId'])
export class NodeTimeoutConfigEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'node_id' })
  nodeId!: string;

  @IdStringColumn({ name: 'root_pipeline_id' })
  rootPipelineId!: string;

  @NameColumn(32)
  action!: string;

  @IntColumn()
  timeout!: number;
}
