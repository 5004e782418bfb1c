import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Agency, AGENCY_CODES, OpenTrajectory } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNationalNumber } from '../../validation/is-national-number';
import { IsNestedObject } from '../../validation/is-nested-object';
import { TargetGroupFactsDto } from './target-group-facts.dto';
import { TestDeadlineClockDto } from './test-deadline-clock.dto';

const NOT_BLANK = /\S/;

/** Registers a newcomer with an agency and opens their trajectory. */
export class OpenTrajectoryDto {
  @ApiProperty({
    description:
      'National number (INSZ / rijksregisternummer), YYMMDD SSS CC; dots, dashes and spaces allowed',
  })
  @IsNationalNumber()
  nationalNumber!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(200)
  givenName!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(200)
  familyName!: string;

  @ApiProperty({
    format: 'date',
    description: 'YYYY-MM-DD; must match the birth date in the national number',
  })
  @IsCalendarDate()
  birthDate!: string;

  @ApiProperty({ maxLength: 200, description: 'Municipality of residence (name or NIS code)' })
  @IsString()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(200)
  municipality!: string;

  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that owns the trajectory' })
  @IsIn(AGENCY_CODES)
  agency!: Agency;

  @ApiPropertyOptional({ maxLength: 100, description: 'The counsellor who follows the trajectory' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  counsellorId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Date of the registration with the agency; defaults to today',
  })
  @IsOptional()
  @IsCalendarDate()
  registeredOn?: string;

  @ApiPropertyOptional({
    type: TargetGroupFactsDto,
    description:
      'Facts for the target group (obliged, entitled, exempt); the birth date is taken from birthDate',
  })
  @IsNestedObject(() => TargetGroupFactsDto, { optional: true })
  targetGroupFacts?: TargetGroupFactsDto;

  /** Tests only, not part of the documented contract: refused unless the API runs with TEST_DEADLINE_CLOCKS=true. */
  @ApiHideProperty()
  @IsNestedObject(() => TestDeadlineClockDto, { optional: true })
  testDeadlineClock?: TestDeadlineClockDto;

  toCommand(trajectoryId: string): OpenTrajectory {
    return {
      type: 'OpenTrajectory',
      trajectoryId,
      newcomer: {
        nationalNumber: this.nationalNumber,
        givenName: this.givenName,
        familyName: this.familyName,
        birthDate: this.birthDate,
        municipality: this.municipality,
      },
      agency: this.agency,
      ...(this.counsellorId === undefined ? {} : { counsellorId: this.counsellorId }),
      ...(this.registeredOn === undefined ? {} : { registeredOn: this.registeredOn }),
      ...(this.targetGroupFacts === undefined ? {} : { targetGroupFacts: this.targetGroupFacts.toFacts() }),
    };
  }
}
