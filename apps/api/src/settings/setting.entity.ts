import { Entity, PrimaryColumn } from 'typeorm';
import { LongTextColumn, UpdatedAtColumn } from '../database/columns';

/** A stored setting (the opt-in prompt, welcome and HELP texts …), editable in the portal later. */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @LongTextColumn()
  value: string;

  @UpdatedAtColumn()
  updatedAt: Date;
}
