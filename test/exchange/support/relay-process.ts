import 'reflect-metadata';
import { startOutboxRelay } from '../../../apps/worker/src/outbox/outbox-relay';
import { createLogger } from '../../../libs/logging/src';

/**
 * The worker's outbox relay as its own process, for a test that kills it (SIGKILL) mid-delivery. Configured by
 * the environment (DATABASE_URL, TEMPORAL_PAYLOAD_KEYS, OUTBOX_*). Prints "relay ready" once its lanes run.
 */
async function main(): Promise<void> {
  await startOutboxRelay({ logger: createLogger('outbox-relay-child', { level: 'warn', format: 'json' }) });
  process.stdout.write('relay ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
