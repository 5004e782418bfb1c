import { createHash, randomUUID } from 'node:crypto';
import type { TrajectoryCommand } from '../../../../libs/domain/src';

/**
 * Ids that make a retried request land where the first one did. With an Idempotency-Key both ids are derived
 * from it; without one every request is new.
 */

/**
 * The trajectory id of a create: with a key, a UUID (version 8, RFC 9562 custom layout) built from
 * sha256('trajectory:' + key), so a retried create reaches the same workflow.
 */
export function trajectoryIdFor(idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return randomUUID();
  const bytes = createHash('sha256').update(`trajectory:${idempotencyKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Temporal update id of a command. The same key and the same command give the same id, so Temporal
 * answers a retry with the first outcome and records one event; the same key with a different command gives
 * another id, which the workflow refuses as a reused key.
 */
export function updateIdFor(command: TrajectoryCommand, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return randomUUID();
  const digest = createHash('sha256').update(canonicalJson(command)).digest('hex').slice(0, 16);
  return `${command.type}:${idempotencyKey}:${digest}`;
}

/** JSON with object keys sorted and undefined members left out: equal commands give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
