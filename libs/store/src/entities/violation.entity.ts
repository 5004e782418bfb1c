import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FineDecision, ViolationKind, ViolationState } from '../../../domain/src';

/** Read model: a violation file opened on a trajectory (e.g. the VDAB registration deadline was missed). */
@Entity({ name: 'violations' })
@Index('violations_state_opened_at_idx', ['state', 'openedAt'])
@Check('violations_amount_euro_positive', 'amount_euro IS NULL OR amount_euro > 0')
export class ViolationRecord {
  @PrimaryColumn({ name: 'trajectory_id', type: 'text', primaryKeyConstraintName: 'violations_pkey' })
  trajectoryId!: string;

  @PrimaryColumn({ name: 'violation_id', type: 'text', primaryKeyConstraintName: 'violations_pkey' })
  violationId!: string;

  @Column({ type: 'text' })
  kind!: ViolationKind;

  @Column({ name: 'deadline_id', type: 'text', nullable: true })
  deadlineId!: string | null;

  @Column({ type: 'text' })
  facts!: string;

  @Column({ type: 'text' })
  state!: ViolationState;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  /** The enforcement officer's decision, set when the file is DECIDED. */
  @Column({ type: 'text', nullable: true })
  decision!: FineDecision | null;

  /** Whole euros, for a FINE only. */
  @Column({ name: 'amount_euro', type: 'integer', nullable: true })
  amountEuro!: number | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'decision_explanation', type: 'text', nullable: true })
  decisionExplanation!: string | null;
}
