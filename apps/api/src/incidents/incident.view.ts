import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IncidentResponse {
  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty({
    enum: ['OPEN', 'RESOLVED'],
    description: 'OPEN: the trajectory holds a command and refuses others',
  })
  state!: 'OPEN' | 'RESOLVED';

  @ApiProperty({
    description: 'The command whose events could not be recorded (ExpireDeadlines for the timer)',
  })
  commandType!: string;

  @ApiProperty({
    description: 'What failed, without personal data (e.g. the SQLSTATE and the database message)',
  })
  cause!: string;

  @ApiProperty({ description: 'Operator retries so far' })
  retries!: number;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  resolvedAt!: string | null;
}

export class IncidentRetryResponse {
  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty({
    description: "True when the held command's events are recorded and the trajectory takes commands",
  })
  resolved!: boolean;

  @ApiPropertyOptional({ description: 'Why the retry failed again (the incident stays open)' })
  cause?: string;
}
