import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, NameColumn } from '../columns';

/** The component catalogue synced at boot (07 §1.2). */
@Entity('component_model')
@Index('uq_component_model_code_version', ['code', 'version'], { unique: true })
export class ComponentModelEntity {
  @IdColumn()
  id!: number;

  @Index('idx_component_model_code')
  @NameColumn(255)
  code!: string;

  @Index('idx_component_model_version')
  @NameColumn(64, { default: 'legacy' })
  version!: string;

  @NameColumn(255)
  name!: string;

  @BoolColumn(false, { name: 'is_default_version' })
  isDefaultVersion!: boolean;

  @BoolColumn(true)
  status!: boolean;
}
