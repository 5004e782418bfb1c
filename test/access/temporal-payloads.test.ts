import { Client, Connection } from '@temporalio/client';
import { payloadCodecFrom } from '../../libs/codec/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * What Temporal (and its UI) hold of a trajectory: ciphertext. The history is read raw from the dev server, with a
 * client that has no codec, as the Temporal UI and any operator with access to Temporal see it.
 */
describe('Temporal payloads', () => {
  let system: TestSystem;
  let raw: Client;
  let connection: Connection;

  beforeAll(async () => {
    system = await startTestSystem();
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    raw = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE || 'default' });
  });
  afterAll(async () => {
    await connection?.close();
    await system?.close();
  });

  it('keeps no national number or name in plain text in a workflow history or memo', async () => {
    const person = newcomer({ registeredOn: daysAgo(10), givenName: 'Zoubida', familyName: 'Kharbouchi' });
    const { body } = await system.http().post('/trajectories').send(person).expect(201);
    await system
      .http()
      .post(`/trajectories/${body.trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(5) })
      .expect(200);
    const workflowId = `trajectory-${body.trajectoryId}`;

    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    const text = Buffer.from(JSON.stringify(history)).toString('latin1');
    const payloadBytes = collectPayloadData(history)
      .map((data) => Buffer.from(data).toString('latin1'))
      .join('\n');
    for (const secret of [person.nationalNumber as string, 'Zoubida', 'Kharbouchi']) {
      expect(text).not.toContain(secret);
      expect(payloadBytes).not.toContain(secret);
    }
    expect(payloadBytes.length).toBeGreaterThan(0);
    // The memo too, read raw: a client without the codec cannot even decode it.
    const description = await connection.workflowService.describeWorkflowExecution({
      namespace: process.env.TEMPORAL_NAMESPACE || 'default',
      execution: { workflowId },
    });
    const memo = collectPayloadData(description.workflowExecutionInfo?.memo);
    expect(memo.length).toBeGreaterThan(0);
    expect(memo.map((data) => Buffer.from(data).toString('latin1')).join('\n')).not.toContain('Zoubida');
    await expect(raw.workflow.getHandle(workflowId).describe()).rejects.toThrow(
      /Unknown encoding: binary\/encrypted/,
    );

    // The same history decoded with the system's keys does hold them: the check above can fail.
    const codec = payloadCodecFrom(process.env.TEMPORAL_PAYLOAD_KEYS!).payloadCodecs[0];
    const decoded = await codec.decode(collectPayloads(history));
    const plain = decoded.map((payload) => Buffer.from(payload.data ?? []).toString('utf8')).join('\n');
    expect(plain).toContain(person.nationalNumber as string);
    expect(plain).toContain('Zoubida');
  });
});

type PayloadLike = { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null };

/** Every payload anywhere in a history (inputs, results, update arguments, memos). */
function collectPayloads(node: unknown, found: PayloadLike[] = []): PayloadLike[] {
  if (!node || typeof node !== 'object') return found;
  const candidate = node as PayloadLike;
  if (candidate.data instanceof Uint8Array && candidate.metadata && typeof candidate.metadata === 'object') {
    found.push(candidate);
    return found;
  }
  for (const value of Object.values(node)) collectPayloads(value, found);
  return found;
}

function collectPayloadData(node: unknown): Uint8Array[] {
  return collectPayloads(node).map((payload) => payload.data!);
}
