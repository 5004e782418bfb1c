import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOutboxRelay } from '../apps/worker/src/outbox/outbox-relay';
import { deliveredBody } from '../apps/worker/src/outbox/partner-delivery';
import { signatureOf } from '../apps/worker/src/outbox/webhook-signature';
import { createLogger } from '../libs/logging/src';
import { OutboxRelayStore } from '../libs/store/src';
import { openBenchDatabase } from './bench-database';
import { log, Measurement, positiveInteger, renderTable, timed } from './measure';

/**
 * Messages per second the outbox relay delivers to a local endpoint that answers at once, against the same signed
 * POSTs sent straight from memory at the same concurrency (no database): the ratio is the relay's own cost (claim
 * with FOR UPDATE SKIP LOCKED, the order check, the outcome, one transaction per message).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node -r ./test/support/processes/swc-register.js \
 *     bench/outbox-relay.bench.ts        (or: npm run bench:outbox)
 *
 * Sizes: BENCH_OUTBOX_MESSAGES (default 3,000, 10 per trajectory), BENCH_OUTBOX_CONCURRENCY (default "1,4,8").
 *
 * Then an idle poll (a relay step that finds nothing to deliver), on the subscriptions above, with no pending message
 * and with BENCH_OUTBOX_UNSUBSCRIBED (default 100,000) pending messages nobody subscribed to: the second should cost
 * what the first does.
 */
const messages = positiveInteger('BENCH_OUTBOX_MESSAGES', 3_000);
const concurrencies = (process.env.BENCH_OUTBOX_CONCURRENCY ?? '1,4,8').split(',').map(Number);
const secret = randomBytes(32);
const unsubscribed = positiveInteger('BENCH_OUTBOX_UNSUBSCRIBED', 100_000);
const IDLE_POLLS = 200;

async function main(): Promise<void> {
  const database = await openBenchDatabase(2);
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`;
  const lines: string[][] = [];
  try {
    log(`${database.origin}, PostgreSQL ${database.serverVersion}; ${messages} messages per run`);
    for (const concurrency of concurrencies) {
      const partner = `test-centre:Bench ${concurrency}`;
      await database.dataSource.query(
        `INSERT INTO outbox_subscriptions (partner, event_kinds, endpoint_url, secret_ref, max_attempts, deliver_from)
         VALUES ($1, '{LearnerReferred}', $2, 'bench', 5, now() - interval '1 hour')`,
        [partner, endpoint],
      );
      await database.dataSource.query(
        `INSERT INTO outbox_messages (destination, type, payload, stream_id, event_version)
         SELECT $1, 'LearnerReferred',
                jsonb_build_object('trajectoryId', 'bench-' || (n / 10), 'course', 'NT2 ' || n, 'level', 'A2'),
                'bench-' || $3 || '-' || (n / 10), n % 10 + 1
           FROM generate_series(0, $2 - 1) AS n`,
        [partner, messages, concurrency],
      );
      await database.dataSource.query('ANALYZE outbox_messages');

      received = 0;
      const started = performance.now();
      const relay = await startOutboxRelay({
        environment: {
          DATABASE_URL: String((database.dataSource.options as { url?: string }).url),
          TEMPORAL_PAYLOAD_KEYS: `bench:${randomBytes(32).toString('base64')}`,
          OUTBOX_RELAY_CONCURRENCY: concurrency,
          OUTBOX_POLL_INTERVAL_MS: 20,
          OUTBOX_PARTNER_SECRETS: `bench:${secret.toString('base64')}`,
        },
        logger: createLogger('bench-relay', { level: 'error' }),
      });
      for (;;) {
        const [{ pending }] = await database.dataSource.query(
          `SELECT count(*)::int AS pending FROM outbox_messages WHERE destination = $1 AND state <> 'DELIVERED'`,
          [partner],
        );
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const relayMs = performance.now() - started;
      await relay.stop();
      const relayReceived = received;

      received = 0;
      const baselineMs = await postStraight(endpoint, concurrency);
      const relayRate = messages / (relayMs / 1000);
      const baselineRate = messages / (baselineMs / 1000);
      lines.push([
        String(concurrency),
        `${(relayMs / 1000).toFixed(2)} s`,
        relayRate.toFixed(0),
        String(relayReceived),
        baselineRate.toFixed(0),
        (relayRate / baselineRate).toFixed(2),
      ]);
      log(
        `concurrency ${concurrency}: relay ${relayRate.toFixed(0)}/s, straight POSTs ${baselineRate.toFixed(0)}/s`,
      );
    }
    log(
      '\n' +
        renderTable(
          [
            'lanes',
            'relay, all delivered',
            'relay msg/s',
            'received',
            'straight POST msg/s',
            'relay / straight',
          ],
          lines,
        ),
    );
    await idlePolls(database.dataSource);
  } finally {
    server.close();
    await database.close();
  }
}

/** Idle relay steps with no pending message, then with `unsubscribed` pending messages nobody subscribed to. */
async function idlePolls(dataSource: DataSource): Promise<void> {
  const store = new OutboxRelayStore(dataSource);
  const poll = async (name: string): Promise<Measurement> => {
    const measurement = new Measurement(name);
    for (let round = 0; round < IDLE_POLLS; round++) {
      const step = await timed(measurement, () =>
        store.deliverNext(() => Promise.reject(new Error('an idle poll delivers nothing')), {
          retryDelayMs: () => 1_000,
        }),
      );
      if (step.outcome !== 'idle') throw new Error('the idle poll found a message to deliver');
    }
    return measurement;
  };
  const empty = await poll('0');
  await dataSource.query(
    `INSERT INTO outbox_messages (destination, type, payload, stream_id, event_version)
     SELECT CASE WHEN n % 2 = 0 THEN 'VDAB' ELSE 'test-centre:Bench 1' END,
            CASE WHEN n % 2 = 0 THEN 'RegistrationRequired' ELSE 'TestResultRecorded' END,
            jsonb_build_object('note', 'unsubscribed ' || n), 'unsubscribed-' || n, 1
       FROM generate_series(1, $1) AS n`,
    [unsubscribed],
  );
  await dataSource.query('ANALYZE outbox_messages');
  const waiting = await poll(String(unsubscribed));
  log(
    `\nidle poll, ${IDLE_POLLS} each (load average ${loadavg()[0].toFixed(1)}):\n` +
      renderTable(
        ['pending messages nobody subscribed to', 'p50 ms', 'p95 ms', 'p50 / empty p50'],
        [empty, waiting].map((measurement) => [
          measurement.name,
          measurement.percentile(50).toFixed(2),
          measurement.percentile(95).toFixed(2),
          (measurement.percentile(50) / empty.percentile(50)).toFixed(2),
        ]),
      ),
  );
}

/** The same signed bodies POSTed from memory, `concurrency` at a time. */
async function postStraight(endpoint: string, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const n = next++;
        const message = {
          messageId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          partner: 'bench',
          kind: 'LearnerReferred',
          trajectoryId: `bench-${Math.floor(n / 10)}`,
          eventVersion: (n % 10) + 1,
          createdAt: new Date().toISOString(),
          payload: { course: `NT2 ${n}`, level: 'A2' },
          attempts: 0,
          endpointUrl: endpoint,
          secretRef: 'bench',
          maxAttempts: 5,
        };
        const body = deliveredBody(message);
        const timestamp = Math.floor(Date.now() / 1000);
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': message.messageId,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signatureOf({ messageId: message.messageId, timestamp, body }, secret),
          },
          body,
        });
        await response.arrayBuffer();
      }
    }),
  );
  return performance.now() - started;
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
