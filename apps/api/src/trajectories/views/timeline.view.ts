import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EventMetadata } from '../../../../../libs/store/src/event-store.types';
import type { TimelineEntry } from '../../../../../libs/store/src/read-models.types';

export class EventMetadataResponse implements EventMetadata {
  @ApiProperty()
  actor!: string;

  @ApiPropertyOptional()
  idempotencyKey?: string;

  @ApiPropertyOptional({ description: 'The command (update id) that produced the event' })
  causationId?: string;

  @ApiPropertyOptional()
  correlationId?: string;

  @ApiPropertyOptional()
  commandType?: string;
}

export class TimelineEntryResponse implements TimelineEntry {
  @ApiProperty({ description: 'Global position in the event store' })
  position!: string;

  @ApiProperty({ description: 'Version of the event in its trajectory stream, from 1' })
  version!: number;

  @ApiProperty({ description: 'Event type, e.g. TrajectoryOpened' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty()
  actor!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data" })
  data!: unknown;

  @ApiProperty({ type: EventMetadataResponse })
  metadata!: EventMetadataResponse;
}

export class TimelineResponse {
  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty({ type: [TimelineEntryResponse], description: 'Events in the order they were recorded' })
  events!: TimelineEntryResponse[];
}
