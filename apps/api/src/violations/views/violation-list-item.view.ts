import { ApiProperty } from '@nestjs/swagger';
import { Agency, AGENCY_CODES, TrajectoryStatus } from '../../../../../libs/domain/src';
import type { ViolationListItem } from '../../../../../libs/store/src/read-models.types';
import { TRAJECTORY_STATUSES } from '../../http/domain-enums';
import { ViolationResponse } from '../../trajectories/views/trajectory-summary.view';

export class ViolationListItemResponse extends ViolationResponse implements ViolationListItem {
  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that owns the trajectory now' })
  agency!: Agency;

  @ApiProperty({ type: String, nullable: true })
  counsellorId!: string | null;

  @ApiProperty()
  municipality!: string;

  @ApiProperty({ description: 'National register number (INSZ), 11 digits' })
  nationalNumber!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty({
    enum: TRAJECTORY_STATUSES,
    description:
      'A file outlives its trajectory: CLOSED when the newcomer moved out, the contract ended, ...',
  })
  trajectoryStatus!: TrajectoryStatus;
}

export class ViolationPageResponse {
  @ApiProperty({ type: [ViolationListItemResponse] })
  items!: ViolationListItemResponse[];

  @ApiProperty({ description: 'Number of files matching the filter, across all pages' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
