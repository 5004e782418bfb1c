import { Check, Column, Entity, PrimaryColumn } from './decorators';
import type { Nt2Level, Pillar } from '../../../domain/src';
import type { PillarReasonKey } from '../../../domain/src/pillars/applicability';
import type { PillarApplicability, PillarStatus } from '../../../domain/src/pillars/pillar-state';
import type { PillarDetails } from '../read-models.types';
import { numericAsNumber } from './numeric-transformer';

/**
 * Read model: one row per pillar (MO, NT2, WORK, PARTICIPATION) of a trajectory whose contract is signed, as the
 * domain's `evolvePillars` keeps it. The pillar-specific lists (enrolments, test results, track, activities) are in
 * `details`; the participation activities also have a table of their own for reporting.
 */
@Entity({ name: 'pillars' })
@Check('pillars_hours_not_negative', 'hours IS NULL OR hours >= 0')
@Check('pillars_target_hours_not_negative', 'target_hours IS NULL OR target_hours >= 0')
export class PillarRecord {
  @PrimaryColumn({ name: 'trajectory_id', type: 'text', primaryKeyConstraintName: 'pillars_pkey' })
  trajectoryId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pillars_pkey' })
  pillar!: Pillar;

  @Column({ type: 'text' })
  applicability!: PillarApplicability;

  /** The reason as recorded, only for pillars determined before reason keys (the domain's applicabilityReasonOf). */
  @Column({ name: 'applicability_reason', type: 'text', nullable: true })
  applicabilityReason!: string | null;

  /** The reason as a wording key (PILLAR_REASON_KEYS) and its parameters; NULL for pillars determined before. */
  @Column({ name: 'applicability_reason_key', type: 'text', nullable: true })
  applicabilityReasonKey!: PillarReasonKey | null;

  @Column({ name: 'applicability_reason_params', type: 'jsonb', nullable: true })
  applicabilityReasonParams!: Record<string, string | number> | null;

  @Column({ type: 'text' })
  status!: PillarStatus;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ name: 'completion_condition', type: 'text', nullable: true })
  completionCondition!: string | null;

  @Column({ name: 'waived_on', type: 'date', nullable: true })
  waivedOn!: string | null;

  @Column({ name: 'waiver_reason', type: 'text', nullable: true })
  waiverReason!: string | null;

  /** NT2 only. */
  @Column({ name: 'target_level', type: 'text', nullable: true })
  targetLevel!: Nt2Level | null;

  /** PARTICIPATION only. */
  @Column({
    name: 'target_hours',
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericAsNumber,
  })
  targetHours!: number | null;

  /** PARTICIPATION only: the hours of the activities logged so far. */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: numericAsNumber })
  hours!: number | null;

  @Column({ type: 'jsonb' })
  details!: PillarDetails;
}
