import { Check, Column, Entity, Index, PrimaryColumn } from './decorators';
import type { Agency, FineDecision, ViolationKind, ViolationState } from '../../../domain/src';

/** Read model: a violation file opened on a trajectory (e.g. the VDAB registration deadline was missed). */
@Entity({ name: 'violations' })
// The queue's order (oldest first) behind each filter the queue is taken by; scope filters lead.
@Index('violations_queue_idx', ['state', 'openedAt', 'violationId'])
@Index('violations_opened_at_idx', ['openedAt', 'violationId'])
@Index('violations_agency_queue_idx', ['agency', 'state', 'openedAt', 'violationId'])
@Index('violations_municipality_queue_idx', ['municipality', 'state', 'openedAt', 'violationId'])
@Index('violations_kind_queue_idx', ['kind', 'state', 'openedAt', 'violationId'])
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

  /** The trajectory's agency, counsellor and municipality now (they follow a transfer), for the queue's filters. */
  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  @Column({ type: 'text' })
  municipality!: string;
}
