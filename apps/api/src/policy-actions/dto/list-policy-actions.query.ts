import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { POLICY_ACTION_STATUSES, type PolicyActionStatus } from '../../../../../libs/domain/src/policy-plan';
import { ExportFormatQuery } from '../../http/csv-export';
import type { PolicyActionFilter } from '../../../../../libs/store/src/policy-plan';

/** Which of the policy plan's actions to list: by minister, portfolio, status, strategic goal; JSON or CSV. */
export class ListPolicyActionsQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ example: 'Liesbeth Homans' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  minister?: string;

  @ApiPropertyOptional({ example: 'Integratie en Inburgering', description: 'The portfolio ("bevoegdheid")' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  portfolio?: string;

  @ApiPropertyOptional({ enum: POLICY_ACTION_STATUSES })
  @IsOptional()
  @IsIn(POLICY_ACTION_STATUSES)
  status?: PolicyActionStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 99, description: 'The strategic goal (SD), the first number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99)
  strategicGoal?: number;

  toFilter(): PolicyActionFilter {
    return {
      ...(this.minister === undefined ? {} : { minister: this.minister }),
      ...(this.portfolio === undefined ? {} : { portfolio: this.portfolio }),
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.strategicGoal === undefined ? {} : { strategicGoal: this.strategicGoal }),
    };
  }
}
