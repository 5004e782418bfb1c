import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { RecordIntake } from '../../../../../libs/domain/src';
import { LITERACY_PROFILES, LiteracyProfile } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNestedObject } from '../../validation/is-nested-object';

/** What the intake learned that decides which pillars apply and the NT2 target; each item optional. */
export class IntakeProfileDto {
  @ApiPropertyOptional({ description: 'Works; the participation pillar is then optional' })
  @IsOptional()
  @IsBoolean()
  working?: boolean;

  @ApiPropertyOptional({ description: 'Studies; the participation pillar is then optional' })
  @IsOptional()
  @IsBoolean()
  studying?: boolean;

  @ApiPropertyOptional({
    description: 'Has the right to work in Belgium; without it the WORK pillar does not apply',
  })
  @IsOptional()
  @IsBoolean()
  mayWork?: boolean;

  @ApiPropertyOptional({
    enum: LITERACY_PROFILES,
    description: 'Low-literate and illiterate learners may have an adjusted NT2 target',
  })
  @IsOptional()
  @IsIn(LITERACY_PROFILES)
  literacy?: LiteracyProfile;

  toProfile(): NonNullable<RecordIntake['profile']> {
    return {
      ...(this.working === undefined ? {} : { working: this.working }),
      ...(this.studying === undefined ? {} : { studying: this.studying }),
      ...(this.mayWork === undefined ? {} : { mayWork: this.mayWork }),
      ...(this.literacy === undefined ? {} : { literacy: this.literacy }),
    };
  }
}

export class RecordIntakeDto {
  @ApiProperty({ format: 'date', description: 'Date of the intake at the agency (YYYY-MM-DD)' })
  @IsCalendarDate()
  intakeOn!: string;

  @ApiPropertyOptional({ type: IntakeProfileDto })
  @IsNestedObject(() => IntakeProfileDto, { optional: true })
  profile?: IntakeProfileDto;

  toCommand(): RecordIntake {
    return {
      type: 'RecordIntake',
      intakeOn: this.intakeOn,
      ...(this.profile === undefined ? {} : { profile: this.profile.toProfile() }),
    };
  }
}
