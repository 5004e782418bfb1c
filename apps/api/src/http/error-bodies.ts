import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RejectionCode } from '../../../../libs/domain/src';

/** Response bodies of failed requests, for the OpenAPI document. */
export class ErrorBody {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found' })
  error!: string;

  @ApiProperty({ description: 'What went wrong; for several bad fields, their reasons joined by "; "' })
  message!: string;
}

export class ViolationBody {
  @ApiProperty({ example: 'nationalNumber' })
  field!: string;

  @ApiProperty({ example: 'nationalNumber checksum digits do not match (not a valid national number)' })
  reason!: string;
}

export class ValidationErrorBody extends ErrorBody {
  @ApiProperty({ type: [ViolationBody] })
  violations!: ViolationBody[];
}

export const REJECTION_CODES: readonly RejectionCode[] = ['INVALID_INPUT', 'RULE_VIOLATION', 'INVALID_STATE'];

/** A command the trajectory's rules refused (409 INVALID_STATE, 422 INVALID_INPUT or RULE_VIOLATION). */
export class RejectionErrorBody extends ErrorBody {
  @ApiProperty({ enum: REJECTION_CODES, example: 'INVALID_STATE' })
  code!: RejectionCode;

  @ApiPropertyOptional({ description: 'The command field the rejection is about', example: 'signedOn' })
  field?: string;
}

export class OpenTrajectoryConflictBody extends RejectionErrorBody {
  @ApiProperty({ format: 'uuid', description: 'The open trajectory the newcomer already has' })
  openTrajectoryId!: string;
}
