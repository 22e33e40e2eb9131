import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sandbox settings by scope: `global` or `store:<code>` (profiles, faults, switches). */
@Entity('sandbox_settings')
export class SettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope!: string;

  @Column({ type: 'simple-json' })
  values!: Record<string, unknown>;
}
