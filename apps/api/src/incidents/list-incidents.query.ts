import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ExportFormatQuery } from '../http/csv-export';

export const INCIDENT_STATES = ['OPEN', 'RESOLVED'] as const;

export class ListIncidentsQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATES, description: 'Default: OPEN' })
  @IsOptional()
  @IsIn(INCIDENT_STATES)
  state?: (typeof INCIDENT_STATES)[number];
}
