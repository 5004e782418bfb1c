import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ProblemRowView } from '../../../../libs/store/src';
import { PartnerProblemRowBody } from './problem-rows';

/** The columns of a registration import's problem rows, in the CSV's order. */
export const PROBLEM_COLUMNS: (keyof ProblemRowView & string)[] = [
  'rowNumber',
  'outcome',
  'fields',
  'reason',
  'nationalNumber',
  'trajectoryId',
  'registeredOn',
  'office',
  'partnerDossierId',
];

/** A problem row of a registration import, with the row's own values for the partner to correct. */
export class RegistrationProblemRowBody extends PartnerProblemRowBody {
  @ApiPropertyOptional({ type: String, nullable: true })
  registeredOn!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  office!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  partnerDossierId!: string | null;
}
