import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createLogger } from '../../../../libs/logging/src';
import {
  createDataSource,
  OutboxRelayStore,
  ParameterFreeSqlLogger,
  RelayStep,
} from '../../../../libs/store/src';
import { validateWorkerEnvironment, WorkerEnvironment } from '../config/worker-config';
import { sanitized } from '../worker-logging';
import { deliverToPartner } from './partner-delivery';
import { parsePartnerSecrets } from './partner-secrets';
import { retryDelayMs } from './retry-delay';

export interface OutboxRelayOptions {
  /** Values that take precedence over the process environment (tests use their own). */
  environment?: Partial<WorkerEnvironment>;
  logger?: Logger;
}

export interface RunningOutboxRelay {
  /** Lanes delivering at once (0: the relay is off). */
  concurrency: number;
  /** Finishes the deliveries in flight, then stops. */
  stop(): Promise<void>;
}

/**
 * The outbox relay: `OUTBOX_RELAY_CONCURRENCY` lanes, each claiming the next due message with
 * `FOR UPDATE SKIP LOCKED` (OutboxRelayStore), delivering it while holding the lock and recording the outcome.
 * Relays in several workers share the work the same way; the database keeps each trajectory's order per partner.
 * Each lane has its own connection from a pool of its own, apart from the workflow tasks' appends.
 */
export async function startOutboxRelay(options: OutboxRelayOptions = {}): Promise<RunningOutboxRelay> {
  const environment = validateWorkerEnvironment({ ...process.env, ...options.environment });
  const concurrency = environment.OUTBOX_RELAY_CONCURRENCY;
  const logger = options.logger ?? createLogger('outbox-relay');
  if (concurrency === 0) return { concurrency, stop: async () => undefined };
  const secrets = parsePartnerSecrets(environment.OUTBOX_PARTNER_SECRETS);
  const dataSource: DataSource = await createDataSource(environment.DATABASE_URL, {
    poolSize: concurrency,
    applicationName: 'inburgering-outbox-relay',
    logging: ['error'],
    logger: new ParameterFreeSqlLogger(),
  }).initialize();
  const store = new OutboxRelayStore(dataSource);
  const stopping = new AbortController();
  const retry = { baseMs: environment.OUTBOX_RETRY_BASE_MS, maxMs: environment.OUTBOX_RETRY_MAX_MS };
  const deliver = { secrets, timeoutMs: environment.OUTBOX_DELIVERY_TIMEOUT_MS };

  async function lane(): Promise<void> {
    while (!stopping.signal.aborted) {
      let step: RelayStep;
      try {
        step = await store.deliverNext((message) => deliverToPartner(message, deliver), {
          retryDelayMs: (attempt) => retryDelayMs(attempt, retry),
        });
      } catch (error) {
        logger.error({ err: sanitized(error) }, 'the outbox relay could not claim or record a delivery');
        step = { outcome: 'idle' };
      }
      report(logger, step);
      if (step.outcome === 'idle')
        await sleep(environment.OUTBOX_POLL_INTERVAL_MS, undefined, { signal: stopping.signal }).catch(
          () => undefined,
        );
    }
  }

  const lanes = Array.from({ length: concurrency }, () => lane());
  logger.info({ concurrency }, 'outbox relay started');
  let stopped: Promise<void> | undefined;
  return {
    concurrency,
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        await Promise.all(lanes);
        await dataSource.destroy();
        logger.info('outbox relay stopped');
      })();
      return stopped;
    },
  };
}

/** Ids, the partner and the attempt only: never the body. */
function report(logger: Logger, step: RelayStep): void {
  if (step.outcome === 'idle') return;
  const fields = {
    messageId: step.messageId,
    partner: step.partner,
    attempt: step.attempt,
    error: step.error,
  };
  if (step.outcome === 'dead') logger.warn(fields, 'outbox message dead-lettered after its last attempt');
  else if (step.outcome === 'retrying') logger.info(fields, 'outbox delivery failed; will retry');
  else logger.debug(fields, 'outbox message delivered');
}
