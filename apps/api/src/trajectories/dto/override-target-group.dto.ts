import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  calendarDate,
  EXEMPTION_REASON_CODES,
  ExemptionReason,
  OverrideTargetGroup,
  RecordedTargetGroupStatus,
} from '../../../../../libs/domain/src';
import { RECORDED_TARGET_GROUP_STATUSES, RecordedTargetGroupStatusCode } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNestedObject } from '../../validation/is-nested-object';
import { OnlyWith } from '../../validation/only-with';

export const MAX_OVERRIDE_REASON_LENGTH = 1000;

/** The status a counsellor records by hand: OBLIGED with the start of the obligation, EXEMPT with its reason. */
export class RecordedTargetGroupStatusDto {
  @ApiProperty({
    enum: RECORDED_TARGET_GROUP_STATUSES,
    description: 'UNDETERMINED is never recorded by hand',
  })
  @IsIn(RECORDED_TARGET_GROUP_STATUSES)
  status!: RecordedTargetGroupStatusCode;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Required with OBLIGED, absent otherwise (YYYY-MM-DD)',
  })
  @ValidateIf(
    (recorded: RecordedTargetGroupStatusDto) =>
      recorded.status === 'OBLIGED' || recorded.obligationStartsOn !== undefined,
  )
  @IsCalendarDate()
  @OnlyWith('status', ['OBLIGED'])
  obligationStartsOn?: string;

  @ApiPropertyOptional({
    enum: EXEMPTION_REASON_CODES,
    description: 'Required with EXEMPT, absent otherwise',
  })
  @ValidateIf(
    (recorded: RecordedTargetGroupStatusDto) =>
      recorded.status === 'EXEMPT' || recorded.exemptionReason !== undefined,
  )
  @IsIn(EXEMPTION_REASON_CODES)
  @OnlyWith('status', ['EXEMPT'])
  exemptionReason?: ExemptionReason;

  toRecorded(): RecordedTargetGroupStatus {
    switch (this.status) {
      case 'OBLIGED':
        return { status: 'OBLIGED', obligationStartsOn: calendarDate(this.obligationStartsOn!) };
      case 'EXEMPT':
        return { status: 'EXEMPT', exemptionReason: this.exemptionReason! };
      default:
        return { status: this.status };
    }
  }
}

/**
 * A counsellor records a target-group status other than the derived one. Whether it differs from the derived
 * status, and whether there is one yet, is for the trajectory to say (422/409); both stay in the history.
 */
export class OverrideTargetGroupDto {
  @ApiProperty({ type: RecordedTargetGroupStatusDto })
  @IsNestedObject(() => RecordedTargetGroupStatusDto)
  recorded!: RecordedTargetGroupStatusDto;

  @ApiProperty({
    maxLength: MAX_OVERRIDE_REASON_LENGTH,
    description: 'Why the derived status is not the right one',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(MAX_OVERRIDE_REASON_LENGTH)
  reason!: string;

  toCommand(): OverrideTargetGroup {
    return { type: 'OverrideTargetGroup', recorded: this.recorded.toRecorded(), reason: this.reason };
  }
}
