import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type PolicyOverride, WHAT_IF_LIMITS } from '../../../../../libs/domain/src/what-if';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNestedObject } from '../../validation/is-nested-object';
import { IsNotBefore } from '../../validation/is-not-before';

export class VdabWindowDto {
  @ApiProperty({ example: 1, description: 'The window: months (0-24) or days (0-730)' })
  @IsInt()
  @Min(0)
  @Max(WHAT_IF_LIMITS.vdabDays.max)
  amount!: number;

  @ApiProperty({ enum: ['MONTHS', 'DAYS'] })
  @IsIn(['MONTHS', 'DAYS'])
  unit!: 'MONTHS' | 'DAYS';

  @ApiPropertyOptional({
    enum: ['CONTRACT_SIGNED', 'INTAKE'],
    description: "Default: the version's own anchor",
  })
  @IsOptional()
  @IsIn(['CONTRACT_SIGNED', 'INTAKE'])
  anchor?: 'CONTRACT_SIGNED' | 'INTAKE';
}

export class PolicyChangesDto {
  @ApiPropertyOptional({
    type: VdabWindowDto,
    description: 'The VDAB registration window, for the versions with one (2022, 2023)',
  })
  @IsNestedObject(() => VdabWindowDto, { optional: true })
  vdabRegistration?: VdabWindowDto;

  @ApiPropertyOptional({ example: 60, description: 'Participation-and-network hours, for the 2023 version' })
  @IsOptional()
  @IsInt()
  @Min(WHAT_IF_LIMITS.participationHours.min)
  @Max(WHAT_IF_LIMITS.participationHours.max)
  participationHours?: number;
}

/** A what-if: replay the period's recorded trajectories under changed policy parameters. */
export class WhatIfRequestDto {
  @ApiProperty({ format: 'date', example: '2024-01-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', example: '2024-12-31' })
  @IsCalendarDate()
  @IsNotBefore('from')
  to!: string;

  @ApiPropertyOptional({ description: "Only this counsellor's trajectories (within the caller's scope)" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  counsellorId?: string;

  @ApiProperty({ type: PolicyChangesDto })
  @IsNestedObject(() => PolicyChangesDto)
  changes!: PolicyChangesDto;

  toOverride(): PolicyOverride {
    const { vdabRegistration, participationHours } = this.changes;
    return {
      ...(vdabRegistration
        ? {
            vdabRegistration: {
              amount: vdabRegistration.amount,
              unit: vdabRegistration.unit,
              ...(vdabRegistration.anchor ? { anchor: vdabRegistration.anchor } : {}),
            },
          }
        : {}),
      ...(participationHours === undefined ? {} : { participationHours }),
    };
  }
}
