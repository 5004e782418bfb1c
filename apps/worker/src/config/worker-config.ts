import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, registerDecorator } from 'class-validator';
import { SharedEnvironment, validatedEnvironment } from '../../../../libs/config/src';
import { partnerSecretsProblem } from '../outbox/partner-secrets';

const integer = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** The worker's environment, validated at start-up: a wrong variable stops the process with its name. */
export class WorkerEnvironment extends SharedEnvironment {
  @Transform(integer)
  @IsInt({ message: 'MAX_CONCURRENT_ACTIVITIES must be an integer' })
  @Min(1)
  @Max(1000)
  MAX_CONCURRENT_ACTIVITIES = 50;

  /**
   * Workflows kept in the worker's cache (sticky execution). The bound on the worker's memory: a workflow outside
   * the cache is replayed from its history when its next task comes (see the README's operations section).
   */
  @Transform(integer)
  @IsInt({ message: 'MAX_CACHED_WORKFLOWS must be an integer' })
  @Min(0)
  @Max(100_000)
  MAX_CACHED_WORKFLOWS = 1_000;

  /** Deliveries the outbox relay runs at once (each holds one database connection); 0 turns the relay off. */
  @Transform(integer)
  @IsInt({ message: 'OUTBOX_RELAY_CONCURRENCY must be an integer' })
  @Min(0)
  @Max(64)
  OUTBOX_RELAY_CONCURRENCY = 4;

  /** How long an idle relay waits before it looks for due messages again. */
  @Transform(integer)
  @IsInt({ message: 'OUTBOX_POLL_INTERVAL_MS must be an integer' })
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 1_000;

  /** The delay after a first failed delivery; it doubles with each further failure (with jitter). */
  @Transform(integer)
  @IsInt({ message: 'OUTBOX_RETRY_BASE_MS must be an integer' })
  @Min(10)
  @Max(3_600_000)
  OUTBOX_RETRY_BASE_MS = 1_000;

  /** The longest delay between two attempts. */
  @Transform(integer)
  @IsInt({ message: 'OUTBOX_RETRY_MAX_MS must be an integer' })
  @Min(10)
  @Max(86_400_000)
  OUTBOX_RETRY_MAX_MS = 300_000;

  /** A partner that has not answered within this long has failed the attempt. */
  @Transform(integer)
  @IsInt({ message: 'OUTBOX_DELIVERY_TIMEOUT_MS must be an integer' })
  @Min(100)
  @Max(120_000)
  OUTBOX_DELIVERY_TIMEOUT_MS = 10_000;

  /**
   * Lanes of the workflow starter (pending_workflow_starts: trajectories written in bulk or restarted from the
   * legal record); each holds one database connection. 0 turns the starter off.
   */
  @Transform(integer)
  @IsInt({ message: 'WORKFLOW_STARTER_LANES must be an integer' })
  @Min(0)
  @Max(16)
  WORKFLOW_STARTER_LANES = 2;

  /** Workflows one lane starts at once (one transaction holds their rows). */
  @Transform(integer)
  @IsInt({ message: 'WORKFLOW_STARTER_BATCH_SIZE must be an integer' })
  @Min(1)
  @Max(1_000)
  WORKFLOW_STARTER_BATCH_SIZE = 50;

  /** How long an idle starter waits before it looks for due starts again. */
  @Transform(integer)
  @IsInt({ message: 'WORKFLOW_STARTER_POLL_INTERVAL_MS must be an integer' })
  @Min(10)
  @Max(60_000)
  WORKFLOW_STARTER_POLL_INTERVAL_MS = 1_000;

  /**
   * The partners' signing secrets, `ref:base64[,ref:base64]`; subscriptions name theirs by reference, and a
   * reference named twice signs with both secrets (a rotation).
   */
  @IsPartnerSecrets()
  OUTBOX_PARTNER_SECRETS = '';

  /**
   * `true`: the worker times the phases of its import batches (appends, projections, outcomes) and logs where an
   * import's time went when it completes (`import phases`, no row's data); the benchmark of the registration file
   * reads it. Off by default: it keeps process-wide counters on every append.
   */
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'IMPORT_PHASE_TIMINGS must be true or false' })
  IMPORT_PHASE_TIMINGS = false;

  /**
   * A workflow bundle built ahead of time (`bundleWorkflowCode`'s code, written to a file). Without it the worker
   * bundles `workflows/` with webpack at start-up, which costs seconds and leaves the worker ~100 MB larger.
   */
  @IsOptional()
  @IsString({ message: 'WORKFLOW_BUNDLE_PATH must be a path' })
  WORKFLOW_BUNDLE_PATH?: string = undefined;
}

/** Valid when `parsePartnerSecrets` accepts the value; its reason otherwise (never the secret). */
function IsPartnerSecrets(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPartnerSecrets',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && partnerSecretsProblem(value) === undefined,
        defaultMessage: (args) =>
          partnerSecretsProblem(typeof args?.value === 'string' ? args.value : '') ??
          'OUTBOX_PARTNER_SECRETS must be text',
      },
    });
}

export function validateWorkerEnvironment(raw: Record<string, unknown>): WorkerEnvironment {
  return validatedEnvironment(WorkerEnvironment, raw, 'worker');
}
