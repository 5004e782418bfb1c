import { ApiProperty } from '@nestjs/swagger';
import {
  Agency,
  AGENCY_CODES,
  ATTENTION_GROUPS,
  AttentionGroup,
  DeadlineKind,
  TrajectoryPhase,
  TrajectoryStatus,
} from '../../../../../libs/domain/src';
import type { CaseloadEntry } from '../../../../../libs/store/src/read-models.types';
import { DEADLINE_KINDS, TRAJECTORY_PHASES, TRAJECTORY_STATUSES } from '../../http/domain-enums';
import { CASELOAD_STATUSES } from '../dto/caseload.query';

/** A case's columns in a caseload's CSV. */
export const CASELOAD_CSV_COLUMNS = [
  'trajectoryId',
  'givenName',
  'familyName',
  'status',
  'phase',
  'agency',
  'counsellorId',
  'registeredOn',
  'nextDeadline.kind',
  'nextDeadline.dueOn',
  'missedDeadlines',
  'openViolations',
  'attention',
] as const satisfies readonly (keyof CaseloadEntry | `${keyof CaseloadEntry}.${string}`)[];

export class NextDeadlineResponse {
  @ApiProperty()
  deadlineId!: string;

  @ApiProperty({ enum: DEADLINE_KINDS })
  kind!: DeadlineKind;

  @ApiProperty({ format: 'date', description: 'Last day on which the deadline can be met (Europe/Brussels)' })
  dueOn!: string;
}

export class CaseloadItemResponse implements CaseloadEntry {
  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty({ enum: CASELOAD_STATUSES })
  status!: TrajectoryStatus;

  @ApiProperty({ enum: TRAJECTORY_PHASES })
  phase!: TrajectoryPhase;

  @ApiProperty({ enum: AGENCY_CODES })
  agency!: Agency;

  @ApiProperty({ type: String, nullable: true })
  counsellorId!: string | null;

  @ApiProperty({ format: 'date', description: 'Date of the registration with the agency' })
  registeredOn!: string;

  @ApiProperty({
    type: NextDeadlineResponse,
    nullable: true,
    description:
      'The earliest open deadline; deadlines of a suspended trajectory do not run and are not listed',
  })
  nextDeadline!: NextDeadlineResponse | null;

  @ApiProperty({ type: 'integer', description: 'Number of missed deadlines' })
  missedDeadlines!: number;

  @ApiProperty({ type: 'integer', description: 'Number of violation files awaiting a decision' })
  openViolations!: number;

  @ApiProperty({
    enum: ATTENTION_GROUPS,
    description:
      'What the case asks of its counsellor today (Europe/Brussels): OVERDUE (a missed deadline, a violation file ' +
      'awaiting a decision, or the next due date passed), else DUE_SOON (next due date within 14 days), else ' +
      'WAITING_FOR_ME (open, intake or contract still to record), else ON_TRACK',
  })
  attention!: AttentionGroup;
}

export class CaseloadPageResponse {
  @ApiProperty({
    type: [CaseloadItemResponse],
    description:
      'What needs attention first: by attention group (OVERDUE, DUE_SOON, WAITING_FOR_ME, ON_TRACK); within each, ' +
      'the earliest open due date first (none last), then the earliest registration',
  })
  items!: CaseloadItemResponse[];

  @ApiProperty({
    description: 'Number of trajectories in the caseload that pass the filters, across all pages',
  })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

export class WholeCaseloadResponse {
  @ApiProperty({
    type: [CaseloadItemResponse],
    description: "Every case that passes the filters, in the order of the caseload's pages",
  })
  items!: CaseloadItemResponse[];

  @ApiProperty({ description: 'Number of cases in items' })
  total!: number;
}

export class TrajectorySearchHitResponse {
  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty({ enum: TRAJECTORY_STATUSES })
  status!: TrajectoryStatus;

  @ApiProperty({ enum: AGENCY_CODES })
  agency!: Agency;
}

export class TrajectorySearchResponse {
  @ApiProperty({
    type: [TrajectorySearchHitResponse],
    description: 'At most 20 trajectories, open ones first, by family and given name',
  })
  items!: TrajectorySearchHitResponse[];
}
