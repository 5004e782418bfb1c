import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { trajectoryWorkflowId } from '../../workflows/src/definitions';
import { findOrBuildTemporalCli } from '../../scripts/temporal/temporal-cli';
import { ListeningApi, send, startListeningApi } from '../api/support/listening-api';
import { testEnvironment } from '../support/environment';
import { daysAgo, newcomer } from '../support/newcomers';

const run = promisify(execFile);

/** The CLI's JSON output with every base64 string also decoded: payload bytes are shown in base64. */
function readable(output: string): string {
  const texts: string[] = [output];
  JSON.parse(output, (_key, value: unknown) => {
    if (typeof value === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0) {
      texts.push(Buffer.from(value, 'base64').toString('utf8'));
    }
    return value;
  });
  return texts.join('\n');
}

/**
 * Issue 6 §4: Temporal holds only ciphertext; an operator reads a trajectory's history with the real Temporal CLI
 * through the API's codec endpoint (`--codec-endpoint`, `--codec-auth`), and each decode is in the audit trail.
 */
describe('the codec endpoint for operators', () => {
  let api: ListeningApi;
  let trajectoryId: string;
  let person: ReturnType<typeof newcomer>;

  beforeAll(async () => {
    api = await startListeningApi();
    person = newcomer({ registeredOn: daysAgo(4) });
    const opened = await send(api.callerFor({ action: 'trajectory.open' }), 'post', '/trajectories', {
      text: JSON.stringify(person),
      contentType: 'application/json',
    });
    expect(opened.status).toBe(201);
    trajectoryId = (opened.body as { trajectoryId: string }).trajectoryId;
  }, 120_000);
  afterAll(() => api?.close());

  async function showHistory(codec?: { bearer: string }): Promise<string> {
    const cli = await findOrBuildTemporalCli({ log: () => undefined });
    const environment = testEnvironment();
    const { stdout } = await run(
      cli,
      [
        'workflow',
        'show',
        '--address',
        environment.temporalAddress,
        '--namespace',
        environment.namespace,
        '--workflow-id',
        trajectoryWorkflowId(trajectoryId),
        '--output',
        'json',
        ...(codec
          ? ['--codec-endpoint', `${api.baseUrl}/codec`, '--codec-auth', `Bearer ${codec.bearer}`]
          : []),
      ],
      { maxBuffer: 32 * 1024 * 1024 },
    );
    return stdout;
  }

  it('shows ciphertext without the codec and the plain history through it, for an operator', async () => {
    const familyName = String(person.familyName);
    const raw = readable(await showHistory());
    expect(raw).toContain('binary/encrypted');
    expect(raw).not.toContain(familyName);

    const operator = api.callerFor({ action: 'temporal.decode' });
    const decoded = readable(await showHistory({ bearer: (operator as { bearer: string }).bearer }));
    expect(decoded).not.toContain('binary/encrypted');
    expect(decoded).toContain(trajectoryId);

    const [{ count }] = await api.database.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM personal_data_access
        WHERE action = 'temporal.decode' AND resource = '/codec/decode' AND status = 200`,
    );
    expect(count).toBeGreaterThan(0);
  }, 120_000);

  it('refuses other roles and anonymous callers, and names a payload it cannot decrypt', async () => {
    const body = { text: JSON.stringify({ payloads: [] }), contentType: 'application/json' };
    const counsellor = api.callerFor({ action: 'trajectory.open' });
    expect((await send(counsellor, 'post', '/codec/decode', body)).status).toBe(403);
    expect((await send(api.baseUrl, 'post', '/codec/decode', body)).status).toBe(401);

    const operator = api.callerFor({ action: 'temporal.decode' });
    const forged = {
      payloads: [
        {
          metadata: {
            encoding: Buffer.from('binary/encrypted').toString('base64'),
            'encryption-key-id': Buffer.from('unknown-key').toString('base64'),
          },
          data: Buffer.from('not ciphertext').toString('base64'),
        },
      ],
    };
    const refused = await send(operator, 'post', '/codec/decode', {
      text: JSON.stringify(forged),
      contentType: 'application/json',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'payloads[0]', detail: expect.stringContaining('cannot be decrypted') }],
    });
  });
});
