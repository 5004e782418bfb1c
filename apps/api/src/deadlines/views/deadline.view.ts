import { ApiProperty } from '@nestjs/swagger';
import {
  Agency,
  AGENCY_CODES,
  DeadlineKind,
  DeadlineState,
  PolicyVersionId,
} from '../../../../../libs/domain/src';
import type { DeadlineView } from '../../../../../libs/store/src/read-models.types';
import { DEADLINE_KINDS, DEADLINE_STATES, POLICY_VERSION_IDS } from '../../http/domain-enums';

export class DeadlineResponse implements DeadlineView {
  @ApiProperty()
  deadlineId!: string;

  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty({ enum: DEADLINE_KINDS })
  kind!: DeadlineKind;

  @ApiProperty({ format: 'date', description: 'Last day on which the deadline can be met (Europe/Brussels)' })
  dueOn!: string;

  @ApiProperty({ enum: DEADLINE_STATES })
  state!: DeadlineState;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  metOn!: string | null;

  @ApiProperty({ enum: POLICY_VERSION_IDS })
  policyVersion!: PolicyVersionId;

  @ApiProperty({ description: 'The legal source of the deadline' })
  source!: string;

  @ApiProperty({ enum: AGENCY_CODES })
  agency!: Agency;

  @ApiProperty({ type: String, nullable: true })
  counsellorId!: string | null;

  @ApiProperty()
  municipality!: string;
}

export class DeadlinePageResponse {
  @ApiProperty({ type: [DeadlineResponse] })
  items!: DeadlineResponse[];

  @ApiProperty({ description: 'Number of deadlines matching the filter, across all pages' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
