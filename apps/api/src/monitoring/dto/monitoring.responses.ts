import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_BUCKETS } from '../../../../../libs/domain/src';
import { MONITORING_GROUPS } from '../../../../../libs/store/src/queries/deadline-monitoring';
import { DEADLINE_KINDS, DEADLINE_STATES } from '../../http/domain-enums';

export class DeadlineTotalsView {
  @ApiProperty()
  overdue!: number;
  @ApiProperty()
  dueWithin7!: number;
  @ApiProperty()
  dueWithin30!: number;
  @ApiProperty()
  metLate!: number;
  @ApiProperty()
  metOnTime!: number;
}

export class DeadlineCountsView extends DeadlineTotalsView {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The group: agency code, office id, counsellor id, municipality',
  })
  key!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The office's name when grouped by office" })
  label!: string | null;
}

export class DeadlineCountsResponse {
  @ApiProperty({ format: 'date' })
  asOn!: string;
  @ApiProperty({ enum: MONITORING_GROUPS })
  groupBy!: string;
  @ApiProperty({ type: [DeadlineCountsView] })
  items!: DeadlineCountsView[];
  @ApiProperty({ type: DeadlineTotalsView, description: 'The sum of the groups' })
  totals!: DeadlineTotalsView;
}

export class DeadlineTrendWeekView {
  @ApiProperty({ example: '2026-W49' })
  week!: string;
  @ApiProperty({ format: 'date' })
  weekStart!: string;
  @ApiProperty({ nullable: true, type: String })
  key!: string | null;
  @ApiProperty({ nullable: true, type: String })
  label!: string | null;
  @ApiProperty()
  fallingDue!: number;
  @ApiProperty()
  metOnTime!: number;
  @ApiProperty()
  metLate!: number;
  @ApiProperty()
  missed!: number;
  @ApiProperty()
  pending!: number;
}

export class DeadlineTrendResponse {
  @ApiProperty({ format: 'date' })
  asOn!: string;
  @ApiProperty()
  weeks!: number;
  @ApiPropertyOptional({ enum: MONITORING_GROUPS })
  groupBy?: string;
  @ApiProperty({ type: [DeadlineTrendWeekView] })
  items!: DeadlineTrendWeekView[];
}

export class MonitoredCaseView {
  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;
  @ApiProperty()
  deadlineId!: string;
  @ApiProperty({ enum: DEADLINE_KINDS })
  kind!: string;
  @ApiProperty({ format: 'date' })
  dueOn!: string;
  @ApiProperty({ enum: DEADLINE_STATES })
  state!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  fulfilledOn!: string | null;
  @ApiProperty()
  agency!: string;
  @ApiProperty({ nullable: true, type: String })
  counsellorId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  officeId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  officeName!: string | null;
  @ApiProperty()
  municipality!: string;
}

export class DeadlineCasesResponse {
  @ApiProperty({ format: 'date' })
  asOn!: string;
  @ApiProperty({ enum: DEADLINE_BUCKETS })
  bucket!: string;
  @ApiProperty({ type: [MonitoredCaseView] })
  items!: MonitoredCaseView[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  limit!: number;
  @ApiProperty()
  offset!: number;
}
