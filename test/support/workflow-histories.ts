import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ENCRYPTED_ENCODING, payloadCodecFrom } from '../../libs/codec/src';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  // The replay test has no keys: the recorded history holds the payloads decrypted.
  await decryptPayloadsIn(history, process.env.TEMPORAL_PAYLOAD_KEYS ?? '');
  mkdirSync(WORKFLOW_HISTORIES_DIR, { recursive: true });
  writeFileSync(join(WORKFLOW_HISTORIES_DIR, `${name}.json`), historyToJSON(history));
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

/** Replaces, in place, every payload the system's codec encrypted by its plaintext. */
async function decryptPayloadsIn(value: unknown, keys: string): Promise<void> {
  if (!keys || value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
  const [codec] = payloadCodecFrom(keys).payloadCodecs;
  const visit = async (node: unknown): Promise<void> => {
    if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
    for (const [key, child] of Object.entries(node)) {
      if (isEncryptedPayload(child)) {
        const [plain] = await codec!.decode([child]);
        (node as Record<string, unknown>)[key] = plain;
      } else await visit(child);
    }
  };
  await visit(value);
}

function isEncryptedPayload(value: unknown): value is Payload {
  const encoding = (value as Payload | null)?.metadata?.encoding;
  return encoding instanceof Uint8Array && new TextDecoder().decode(encoding) === ENCRYPTED_ENCODING;
}
