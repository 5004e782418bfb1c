import { IsInt, Max, Min } from 'class-validator';
import { COMPRESSED_DAY_MS } from '../../../../../libs/domain/src';

/**
 * Tests only (TEST_DEADLINE_CLOCKS=true): the trajectory's deadlines fall due on a compressed clock, today lasting
 * `msPerDay` milliseconds from the request and every later calendar day as long (libs/domain/src/time/deadline-clock.ts).
 */
export class TestDeadlineClockDto {
  @IsInt()
  @Min(COMPRESSED_DAY_MS.min)
  @Max(COMPRESSED_DAY_MS.max)
  msPerDay!: number;
}
