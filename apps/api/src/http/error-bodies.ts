import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REJECTION_CODES,
  REJECTION_REASONS,
  RejectionCode,
  RejectionReason,
} from '../../../../libs/domain/src';

/**
 * Response bodies of failed requests, for the OpenAPI document: RFC 9457 problem details, served as
 * `application/problem+json` (see problem-details.ts and problem-details.filter.ts).
 */
export class ErrorBody {
  @ApiProperty({
    description: 'A URI naming the kind of problem; about:blank when the HTTP status says it all',
    example: 'about:blank',
  })
  type!: string;

  @ApiProperty({ description: 'A short summary of the kind of problem', example: 'Not Found' })
  title!: string;

  @ApiProperty({ description: 'The HTTP status', example: 404 })
  status!: number;

  @ApiProperty({
    description: 'What went wrong in this case',
    example: 'trajectory 3f0c9a58-7d1e-4c52-9a49-61c1f0f2a2b7 not found',
  })
  detail!: string;

  @ApiPropertyOptional({
    description: 'The request path',
    example: '/trajectories/3f0c9a58-7d1e-4c52-9a49-61c1f0f2a2b7',
  })
  instance?: string;
}

export class FieldErrorBody {
  @ApiProperty({
    description: 'Dotted path of the bad field (body, query or path), or the header',
    example: 'nationalNumber',
  })
  field!: string;

  @ApiProperty({ example: 'nationalNumber checksum digits do not match (not a valid national number)' })
  detail!: string;

  @ApiPropertyOptional({
    description:
      "Which of the domain's reasons (as a refused command's `reason`), where the check is one it words; a check " +
      'with a message of its own has none',
    example: 'NATIONAL_NUMBER_CHECKSUM_MISMATCH',
  })
  reason?: string;

  @ApiPropertyOptional({
    description: "The reason's parameters (the field, a maximum, the values allowed); never personal data",
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { field: 'nationalNumber' },
  })
  params?: Record<string, string | number>;
}

/** 400: one entry per bad field (type urn:inburgering:problem:invalid-request), or a body that is not JSON. */
export class ValidationErrorBody extends ErrorBody {
  @ApiPropertyOptional({ type: [FieldErrorBody], description: 'One entry per bad field' })
  errors?: FieldErrorBody[];

  @ApiPropertyOptional({ description: 'The bad field, when there is one', example: 'nationalNumber' })
  field?: string;
}

/** A command the trajectory's rules refused (409 INVALID_STATE, 422 INVALID_INPUT or RULE_VIOLATION). */
export class RejectionErrorBody extends ErrorBody {
  @ApiProperty({
    enum: REJECTION_CODES,
    example: 'INVALID_STATE',
    description: "The domain's rejection code",
  })
  code!: RejectionCode;

  @ApiPropertyOptional({ description: 'The command field the rejection is about', example: 'signedOn' })
  field?: string;

  @ApiProperty({
    enum: Object.keys(REJECTION_REASONS),
    example: 'BEFORE_INTAKE',
    description:
      "Which of the domain's reasons: a client words it in its reader's language from `params`; `detail` is its English wording",
  })
  reason!: RejectionReason;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { field: 'signedOn', earliest: '2026-03-16' },
    description:
      "The reason's parameters, named as in its English wording: dates as YYYY-MM-DD, codes as the API spells them",
  })
  params!: Record<string, string | number>;
}

export class OpenTrajectoryConflictBody extends RejectionErrorBody {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The open trajectory the newcomer already has (absent when the key belongs to a closed one)',
  })
  openTrajectoryId?: string;
}
