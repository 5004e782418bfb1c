import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Nt2Level } from '../../../../../libs/domain/src';
import { NT2_LEVELS } from '../../http/domain-enums';

/** A Dutch (NT2) course: who gives it, which one, and the level it leads to (referrals and enrolments). */
export abstract class Nt2CourseDto {
  @ApiProperty({
    maxLength: 200,
    description: 'The course provider (CVO, CBE, Huis van het Nederlands, ...)',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ maxLength: 200, description: 'The course' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  course!: string;

  @ApiProperty({ enum: NT2_LEVELS, description: 'The level the course leads to' })
  @IsIn(NT2_LEVELS)
  level!: Nt2Level;
}
