import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const INCIDENT_STATES = ['OPEN', 'RESOLVED'] as const;

export class ListIncidentsQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATES, description: 'Default: OPEN' })
  @IsOptional()
  @IsIn(INCIDENT_STATES)
  state?: (typeof INCIDENT_STATES)[number];
}
