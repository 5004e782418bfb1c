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

  /**
   * Workflows kept in the worker's cache (sticky execution). The bound on the worker's memory: a workflow outside
   * the cache is replayed from its history when its next task comes (see the README's operations section).
   */
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value))
  @IsInt({ message: 'MAX_CACHED_WORKFLOWS must be an integer' })
  @Min(0)
  @Max(100_000)
  MAX_CACHED_WORKFLOWS = 1_000;
}

export function validateWorkerEnvironment(raw: Record<string, unknown>): WorkerEnvironment {
  return validatedEnvironment(WorkerEnvironment, raw, 'worker');
}
