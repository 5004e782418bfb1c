import { Column, Entity, PrimaryColumn } from './decorators';

/** How far (event position) a projection has been replayed, written by rebuilds. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRecord {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'projection_checkpoints_pkey' })
  name!: string;

  @Column({ type: 'bigint' })
  position!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
