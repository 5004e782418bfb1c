import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  calendarDate,
  InternationalProtection,
  NationalityGroup,
  Region,
  TargetGroupFacts,
} from '../../../../../libs/domain/src';
import {
  BELGIAN_OR_DUTCH_DIPLOMAS,
  BelgianOrDutchDiploma,
  INTERNATIONAL_PROTECTIONS,
  NATIONALITY_GROUPS,
  PREVIOUS_RESIDENCES_OUTSIDE_FLANDERS,
  PreviousResidenceOutsideFlanders,
  REGIONS,
} from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/**
 * What the agency knows about the newcomer for the target group (obliged, entitled, exempt). Every fact is
 * optional: a missing one can leave the status UNDETERMINED. Which facts matter for whom, and whether dates lie
 * in the past, is decided by the trajectory; the birth date is the newcomer's and is not repeated here.
 */
export class TargetGroupFactsDto {
  @ApiPropertyOptional({ enum: NATIONALITY_GROUPS, description: 'Stateless persons count as THIRD_COUNTRY' })
  @IsOptional()
  @IsIn(NATIONALITY_GROUPS)
  nationalityGroup?: NationalityGroup;

  @ApiPropertyOptional({ description: 'Belgians only: born abroad with at least one parent born abroad' })
  @IsOptional()
  @IsBoolean()
  bornAbroadWithParentBornAbroad?: boolean;

  @ApiPropertyOptional({ description: 'THIRD_COUNTRY only: family member of an EU/EEA/Swiss national' })
  @IsOptional()
  @IsBoolean()
  familyMemberOfEuEeaSwissNational?: boolean;

  @ApiPropertyOptional({ enum: REGIONS, description: 'Region of the main residence' })
  @IsOptional()
  @IsIn(REGIONS)
  residenceRegion?: Region;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First registration in the national register (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  firstRegisteredInBelgiumOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  staysMoreThanThreeMonths?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  lawfulStay?: boolean;

  @ApiPropertyOptional({
    enum: PREVIOUS_RESIDENCES_OUTSIDE_FLANDERS,
    description:
      'Where the newcomer lived in Belgium before Flanders; NONE when they settled in Flanders first',
  })
  @IsOptional()
  @IsIn(PREVIOUS_RESIDENCES_OUTSIDE_FLANDERS)
  previousResidenceOutsideFlanders?: PreviousResidenceOutsideFlanders;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Needed after a residence in Brussels or Wallonia (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  movedToFlandersOn?: string;

  @ApiPropertyOptional({ enum: INTERNATIONAL_PROTECTIONS, description: 'THIRD_COUNTRY only' })
  @IsOptional()
  @IsIn(INTERNATIONAL_PROTECTIONS)
  internationalProtection?: InternationalProtection;

  @ApiPropertyOptional({
    format: 'date',
    description: 'APPLICANT only: date of the application (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  internationalProtectionAppliedOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'RECOGNISED_REFUGEE / SUBSIDIARY_PROTECTION: date of recognition or grant (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  internationalProtectionGrantedOn?: string;

  @ApiPropertyOptional({ description: 'APPLICANT only: another residence basis besides the application' })
  @IsOptional()
  @IsBoolean()
  otherResidenceBasis?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  ministerOfRecognisedReligion?: boolean;

  @ApiPropertyOptional({ description: 'Already holds an integration attest' })
  @IsOptional()
  @IsBoolean()
  holdsAttest?: boolean;

  @ApiPropertyOptional({
    description: 'THIRD_COUNTRY only: temporary residence status that can lead to permanent residence',
  })
  @IsOptional()
  @IsBoolean()
  temporaryLabourMigrantTowardsPermanentStay?: boolean;

  @ApiPropertyOptional({ description: 'True only when a medical certificate is on file' })
  @IsOptional()
  @IsBoolean()
  medicalCertificateOfSeriousIllnessOrDisability?: boolean;

  @ApiPropertyOptional({ enum: BELGIAN_OR_DUTCH_DIPLOMAS })
  @IsOptional()
  @IsIn(BELGIAN_OR_DUTCH_DIPLOMAS)
  belgianOrDutchDiploma?: BelgianOrDutchDiploma;

  @ApiPropertyOptional({ description: 'A full school year of reception education (onthaalonderwijs)' })
  @IsOptional()
  @IsBoolean()
  fullSchoolYearOfReceptionEducation?: boolean;

  /** The facts given, dates as calendar dates; facts not given stay out (not recorded yet). */
  toFacts(): TargetGroupFacts {
    const date = (value: string | undefined) => (value === undefined ? undefined : calendarDate(value));
    const facts: TargetGroupFacts = {
      nationalityGroup: this.nationalityGroup,
      bornAbroadWithParentBornAbroad: this.bornAbroadWithParentBornAbroad,
      familyMemberOfEuEeaSwissNational: this.familyMemberOfEuEeaSwissNational,
      residenceRegion: this.residenceRegion,
      firstRegisteredInBelgiumOn: date(this.firstRegisteredInBelgiumOn),
      staysMoreThanThreeMonths: this.staysMoreThanThreeMonths,
      lawfulStay: this.lawfulStay,
      previousResidenceOutsideFlanders: this.previousResidenceOutsideFlanders,
      movedToFlandersOn: date(this.movedToFlandersOn),
      internationalProtection: this.internationalProtection,
      internationalProtectionAppliedOn: date(this.internationalProtectionAppliedOn),
      internationalProtectionGrantedOn: date(this.internationalProtectionGrantedOn),
      otherResidenceBasis: this.otherResidenceBasis,
      ministerOfRecognisedReligion: this.ministerOfRecognisedReligion,
      holdsAttest: this.holdsAttest,
      temporaryLabourMigrantTowardsPermanentStay: this.temporaryLabourMigrantTowardsPermanentStay,
      medicalCertificateOfSeriousIllnessOrDisability: this.medicalCertificateOfSeriousIllnessOrDisability,
      belgianOrDutchDiploma: this.belgianOrDutchDiploma,
      fullSchoolYearOfReceptionEducation: this.fullSchoolYearOfReceptionEducation,
    };
    return Object.fromEntries(
      Object.entries(facts).filter(([, value]) => value !== undefined),
    ) as TargetGroupFacts;
  }
}
