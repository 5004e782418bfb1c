import { daysAgo, newcomer } from '../support/newcomers';
import type { TestSystem } from '../support/system';

/** One command as a client sent it, and what it finally got after retrying with the same Idempotency-Key. */
export interface SentCommand {
  key: string;
  identity: string;
  path: string;
  body: object;
  /** 'unknown' when `path` holds the trajectory placeholder and the trajectory was never opened. */
  status: number;
  answer: { trajectoryId?: string; version?: number; events?: string[] } & Record<string, unknown>;
  attempts: number;
  /** From the first failed attempt (5xx, timeout, connection error) to the final answer; 0 when none failed. */
  unavailableMs: number;
  /** From the first attempt to the final answer: a command held while the stack recovers is unavailability too. */
  latencyMs: number;
}

const RETRY_FOR_MS = 180_000;
const RESPONSE_TIMEOUT_MS = 45_000;

/**
 * Sends a command as a careful client does: on a 5xx, a timeout or a broken connection it retries with the same
 * Idempotency-Key until it gets a 2xx or 4xx answer.
 */
export async function sendCommand(
  system: Pick<TestSystem, 'http'>,
  identity: string,
  path: string,
  body: object,
  key: string,
): Promise<SentCommand> {
  const started = Date.now();
  let firstFailure: number | undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await system
        .http(identity)
        .post(path)
        .set('Idempotency-Key', key)
        .timeout({ response: RESPONSE_TIMEOUT_MS })
        .send(body);
      if (response.status < 500) {
        return {
          key,
          identity,
          path,
          body,
          status: response.status,
          answer: response.body,
          attempts: attempt,
          unavailableMs: firstFailure === undefined ? 0 : Date.now() - firstFailure,
          latencyMs: Date.now() - started,
        };
      }
    } catch {
      // A timeout or a broken connection: retried like a 5xx.
    }
    firstFailure ??= Date.now();
    if (Date.now() - started > RETRY_FOR_MS)
      throw new Error(`${path} (key ${key}) unanswered for ${RETRY_FOR_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * One trajectory's life, as the counsellor of IN-Gent and VDAB's system live it, with two commands that must be
 * refused (a malformed date, a second intake) in between.
 */
export async function oneTrajectory(system: TestSystem, run: string, index: number): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  const key = (what: string) => `faults-${run}-${index}-${what}`;
  const opened = await sendCommand(
    system,
    'counsellor-gent',
    '/trajectories',
    newcomer({ registeredOn: daysAgo(10) }),
    key('open'),
  );
  sent.push(opened);
  const trajectoryId = opened.answer.trajectoryId;
  if (opened.status !== 201 || !trajectoryId) return sent;
  const steps: [string, string, object, string][] = [
    ['counsellor-gent', 'intake', { intakeOn: daysAgo(9) }, 'intake'],
    ['counsellor-gent', 'contract', { signedOn: 'not-a-date' }, 'bad-contract'],
    ['counsellor-gent', 'contract', { signedOn: daysAgo(8) }, 'contract'],
    ['counsellor-gent', 'intake', { intakeOn: daysAgo(7) }, 'second-intake'],
    [
      'vdab-system',
      'vdab-registration',
      { registeredOn: daysAgo(1), vdabClientReference: `VDAB-F-${index}` },
      'vdab',
    ],
  ];
  for (const [identity, command, body, what] of steps) {
    sent.push(
      await sendCommand(system, identity, `/trajectories/${trajectoryId}/${command}`, body, key(what)),
    );
  }
  return sent;
}
