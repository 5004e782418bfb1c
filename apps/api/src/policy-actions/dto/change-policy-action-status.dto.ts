import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  POLICY_ACTION_STATUSES,
  type PolicyActionStatus,
  requiresExplanation,
  STATUSES_REQUIRING_EXPLANATION,
} from '../../../../../libs/domain/src/policy-plan';

const needsExplanation = (dto: ChangePolicyActionStatusDto): boolean =>
  (POLICY_ACTION_STATUSES as readonly string[]).includes(dto.status) && requiresExplanation(dto.status);

/**
 * A policy action's new status. The explanation is required exactly for DELAYED, DROPPED and NOT_STARTED (the
 * domain's rule, `requiresExplanation`); for another status it must be left out.
 */
export class ChangePolicyActionStatusDto {
  @ApiProperty({ enum: POLICY_ACTION_STATUSES })
  @IsIn(POLICY_ACTION_STATUSES)
  status!: PolicyActionStatus;

  @ApiPropertyOptional({
    maxLength: 4000,
    description: `Why: required for ${STATUSES_REQUIRING_EXPLANATION.join(', ')}, refused for the other statuses`,
  })
  @ValidateIf(
    (dto: ChangePolicyActionStatusDto) =>
      needsExplanation(dto) || (dto.explanation !== undefined && dto.explanation !== null),
  )
  @IsString({ message: 'explanation must be a text' })
  @Matches(/\S/, { message: 'explanation is required for status DELAYED, DROPPED and NOT_STARTED' })
  @MaxLength(4000)
  explanation?: string | null;
}
