import { Check, Column, Entity, Index, PrimaryColumn } from './decorators';

export type IncidentState = 'OPEN' | 'RESOLVED';

/**
 * An incident: a trajectory whose workflow met a failure it cannot get past alone (the store kept failing after
 * its retries). Written by the worker, not projected from events: it is about the process, not the trajectory's
 * facts. The cause names the failure, never personal data.
 */
@Entity({ name: 'incidents' })
@Index('incidents_state_opened_at_idx', ['state', 'openedAt'])
@Check('incidents_state_known', "state IN ('OPEN', 'RESOLVED')")
export class IncidentRecord {
  @PrimaryColumn({ name: 'incident_id', type: 'text', primaryKeyConstraintName: 'incidents_pkey' })
  incidentId!: string;

  @Index('incidents_trajectory_id_idx')
  @Column({ name: 'trajectory_id', type: 'text' })
  trajectoryId!: string;

  @Column({ type: 'text' })
  state!: IncidentState;

  /** The command (or 'ExpireDeadlines') whose events could not be recorded. */
  @Column({ name: 'command_type', type: 'text' })
  commandType!: string;

  @Column({ type: 'text' })
  cause!: string;

  /** Attempts after the first failure: one per operator retry. */
  @Column({ type: 'integer', default: 0 })
  retries!: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
