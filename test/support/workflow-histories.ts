import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENCRYPTED_ENCODING, EncryptionCodec, parsePayloadKeys } from '../../libs/codec/src';
import { TestSystem } from './system';

export const WORKFLOW_HISTORIES_DIR = join(__dirname, '..', 'workflow-histories');

/**
 * With RECORD_WORKFLOW_HISTORIES=1, saves a workflow's history under test/workflow-histories/ so the replay
 * test guards it: any later change to workflow code that would replay it differently fails CI.
 * Record new histories when a change to the workflow is deliberate and patched; never re-record old ones.
 */
export async function recordHistoryIfAsked(
  system: TestSystem,
  workflowId: string,
  name: string,
): Promise<void> {
  if (process.env.RECORD_WORKFLOW_HISTORIES !== '1') return;
  const history = await system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const json = JSON.parse(historyToJSON(history)) as unknown;
  const codec = new EncryptionCodec(parsePayloadKeys(process.env.TEMPORAL_PAYLOAD_KEYS ?? ''));
  mkdirSync(WORKFLOW_HISTORIES_DIR, { recursive: true });
  writeFileSync(
    join(WORKFLOW_HISTORIES_DIR, `${name}.json`),
    JSON.stringify(await decrypted(json, codec), null, 2),
  );
}

type JsonPayload = { metadata: Record<string, string>; data?: string };

/**
 * The history with its payloads decrypted: each test run encrypts with a fresh key (global-setup), which the replay
 * test does not have, so a history is kept as the workflow saw its inputs.
 */
async function decrypted(value: unknown, codec: EncryptionCodec): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => decrypted(item, codec)));
  if (!value || typeof value !== 'object') return value;
  if (isEncryptedPayload(value)) {
    const [plain] = await codec.decode([
      {
        metadata: Object.fromEntries(
          Object.entries(value.metadata).map(([key, text]) => [key, Buffer.from(text, 'base64')]),
        ),
        data: Buffer.from(value.data ?? '', 'base64'),
      },
    ]);
    return {
      metadata: Object.fromEntries(
        Object.entries(plain.metadata ?? {}).map(([key, bytes]) => [
          key,
          Buffer.from(bytes).toString('base64'),
        ]),
      ),
      data: Buffer.from(plain.data ?? new Uint8Array()).toString('base64'),
    };
  }
  const entries = await Promise.all(
    Object.entries(value).map(async ([key, item]) => [key, await decrypted(item, codec)] as const),
  );
  return Object.fromEntries(entries);
}

function isEncryptedPayload(value: object): value is JsonPayload {
  const metadata = (value as { metadata?: unknown }).metadata;
  if (!metadata || typeof metadata !== 'object') return false;
  const encoding = (metadata as Record<string, unknown>).encoding;
  return typeof encoding === 'string' && Buffer.from(encoding, 'base64').toString() === ENCRYPTED_ENCODING;
}

/** The last timer the workflow started, and the instant it is due to fire (event time + start-to-fire timeout). */
export async function armedTimer(
  system: TestSystem,
  workflowId: string,
): Promise<{ timerId: string; firesAt: number }> {
  const history = await system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const started = (history.events ?? []).filter((event) => event.timerStartedEventAttributes).at(-1);
  if (!started?.timerStartedEventAttributes || !started.eventTime)
    throw new Error(`${workflowId} has no timer`);
  const { timerId, startToFireTimeout } = started.timerStartedEventAttributes;
  const startedAt =
    Number(started.eventTime.seconds) * 1000 + Math.floor((started.eventTime.nanos ?? 0) / 1e6);
  const timeout =
    Number(startToFireTimeout?.seconds ?? 0) * 1000 + Math.floor((startToFireTimeout?.nanos ?? 0) / 1e6);
  return { timerId: timerId ?? '', firesAt: startedAt + timeout };
}
