import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ExportFormatQuery } from '../http/csv-export';
import { PARTNER_FORMAT, PARTNER_MESSAGE_KINDS } from '../../../../libs/store/src';
import type { OutboxSubscriptionInput } from '../../../../libs/store/src';

/** A partner's subscription: the message kinds it receives, its endpoint, its secret's name, its attempts. */
export class SaveSubscriptionDto {
  @ApiProperty({
    description: 'VDAB, ACTIRIS, ABB, municipality:<name> or test-centre:<provider>',
    example: 'VDAB',
  })
  @IsString()
  @MaxLength(200)
  @Matches(PARTNER_FORMAT, {
    message: 'partner must be VDAB, ACTIRIS, ABB, municipality:<name> or test-centre:<provider>',
  })
  partner!: string;

  @ApiProperty({ enum: PARTNER_MESSAGE_KINDS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PARTNER_MESSAGE_KINDS, {
    each: true,
    message: `eventKinds must be among ${PARTNER_MESSAGE_KINDS.join(', ')}`,
  })
  eventKinds!: string[];

  @ApiProperty({ example: 'https://partner.example/inburgering/notifications' })
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'endpointUrl must be an http(s) URL' },
  )
  @MaxLength(2000)
  endpointUrl!: string;

  @ApiProperty({
    description:
      "The name of the partner's signing secret in the worker's OUTBOX_PARTNER_SECRETS (not the secret); " +
      'while it is rotated the name holds two secrets and deliveries carry both signatures',
    example: 'vdab',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'secretRef must be 1 to 64 letters, digits, ".", "_" or "-"',
  })
  secretRef!: string;

  @ApiProperty({ minimum: 1, maximum: 100, description: 'Attempts before a message becomes a dead letter' })
  @IsInt({ message: 'maxAttempts must be an integer' })
  @Min(1)
  @Max(100)
  maxAttempts!: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Deliver the messages enqueued from this instant (default: from the subscription’s creation; kept on update)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deliverFrom must be an ISO 8601 instant' })
  deliverFrom?: string;

  toInput(): OutboxSubscriptionInput {
    return {
      partner: this.partner,
      eventKinds: this.eventKinds,
      endpointUrl: this.endpointUrl,
      secretRef: this.secretRef,
      maxAttempts: this.maxAttempts,
      ...(this.active === undefined ? {} : { active: this.active }),
      ...(this.deliverFrom === undefined ? {} : { deliverFrom: this.deliverFrom }),
    };
  }
}

export class DeadLettersQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ description: 'Only this partner’s dead letters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partner?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class SubscriptionResponse {
  @ApiProperty() partner!: string;
  @ApiProperty({ isArray: true, enum: PARTNER_MESSAGE_KINDS }) eventKinds!: string[];
  @ApiProperty() endpointUrl!: string;
  @ApiProperty({ description: 'The name of the secret in the configuration' }) secretRef!: string;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) deliverFrom!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Messages waiting: due, backing off, or held behind a dead letter' })
  pending!: number;
  @ApiProperty() dead!: number;
  @ApiProperty() delivered!: number;
}

export class DeadLetterResponse {
  @ApiProperty({ format: 'uuid', description: 'The message id partners deduplicate on' }) messageId!: string;
  @ApiProperty() partner!: string;
  @ApiProperty({ enum: PARTNER_MESSAGE_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty() eventVersion!: number;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'DEAD'] }) state!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'e.g. "HTTP 503", "connection refused"' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deadAt!: string | null;
  @ApiProperty() replays!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Later messages of the same partner and trajectory held back behind this one' })
  blockedBehind!: number;
}
