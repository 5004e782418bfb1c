import { Check, Column, Entity, Index, PrimaryColumn } from './decorators';
import type { ParticipationActivityKind } from '../../../domain/src/pillars/pillar-state';
import { numericAsNumber } from './numeric-transformer';

/**
 * Read model: a participation activity (buddy, internship, volunteering, ...) logged on a trajectory, with the
 * coordinating municipality, for the municipalities' reports on participation hours.
 */
@Entity({ name: 'participation_activities' })
@Index('participation_activities_municipality_ended_on_idx', ['municipality', 'endedOn'])
@Index('participation_activities_ended_on_idx', ['endedOn'])
@Check('participation_activities_hours_positive', 'hours > 0')
export class ParticipationActivityRecord {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'participation_activities_pkey',
  })
  trajectoryId!: string;

  @PrimaryColumn({
    name: 'activity_id',
    type: 'text',
    primaryKeyConstraintName: 'participation_activities_pkey',
  })
  activityId!: string;

  @Column({ type: 'text' })
  kind!: ParticipationActivityKind;

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numericAsNumber })
  hours!: number;

  @Column({ name: 'started_on', type: 'date' })
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date' })
  endedOn!: string;

  @Column({ type: 'text' })
  organisation!: string;

  /** The coordinating municipality (by default the newcomer's when the activity was logged). */
  @Column({ type: 'text' })
  municipality!: string;

  @Column({ name: 'participant_feedback', type: 'text', nullable: true })
  participantFeedback!: string | null;

  @Column({ name: 'organisation_feedback', type: 'text', nullable: true })
  organisationFeedback!: string | null;
}
