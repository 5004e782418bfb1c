import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { SharedEnvironment, validatedEnvironment } from '../../../../libs/config/src';

/** The worker's environment, validated at start-up: a wrong variable stops the process with its name. */
export class WorkerEnvironment extends SharedEnvironment {
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value))
  @IsInt({ message: 'MAX_CONCURRENT_ACTIVITIES must be an integer' })
  @Min(1)
  @Max(1000)
  MAX_CONCURRENT_ACTIVITIES = 50;
}

export function validateWorkerEnvironment(raw: Record<string, unknown>): WorkerEnvironment {
  return validatedEnvironment(WorkerEnvironment, raw, 'worker');
}
