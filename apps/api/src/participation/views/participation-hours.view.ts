import { ApiProperty } from '@nestjs/swagger';
import type { ParticipationHoursTotal } from '../../../../../libs/store/src/read-models.types';
import { PARTICIPATION_ACTIVITY_KINDS, ParticipationActivityKind } from '../../http/domain-enums';
import type { ParticipationHoursReport } from '../participation-hours.service';

export class ParticipationHoursTotalResponse implements ParticipationHoursTotal {
  @ApiProperty({ description: 'The coordinating municipality logged with the activities' })
  municipality!: string;

  @ApiProperty({ enum: PARTICIPATION_ACTIVITY_KINDS })
  kind!: ParticipationActivityKind;

  @ApiProperty({
    type: 'number',
    description: 'Hours of the activities of this kind that ended in the period',
  })
  hours!: number;

  @ApiProperty({ type: 'integer', description: 'Number of such activities' })
  activities!: number;

  @ApiProperty({ type: 'integer', description: 'Number of trajectories (newcomers) with such an activity' })
  trajectories!: number;
}

export class ParticipationHoursResponse implements ParticipationHoursReport {
  @ApiProperty({ type: String, nullable: true, description: 'The municipality asked for; null for all' })
  municipality!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  from!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  to!: string | null;

  @ApiProperty({
    type: [ParticipationHoursTotalResponse],
    description: 'Per municipality and activity kind, ordered by municipality, then kind',
  })
  items!: ParticipationHoursTotalResponse[];

  @ApiProperty({ type: 'number', description: 'Hours over all items' })
  hours!: number;

  @ApiProperty({ type: 'integer', description: 'Activities over all items' })
  activities!: number;
}
