import type { CommandResult } from './definitions';

/**
 * Remembers the answer given to each Idempotency-Key, so a retried command gets the same answer and writes
 * nothing, and a key reused for a different command is refused. Temporal already deduplicates update ids
 * within one run; this record survives continue-as-new. Bounded: the oldest keys are forgotten first.
 */
export interface ProcessedCommand {
  key: string;
  /** The command's `fingerprint`, or its `typeFingerprint` when only its type is known (read from the stream). */
  fingerprint: string;
  result: CommandResult;
}

export const PROCESSED_COMMANDS_KEPT = 200;

export function findProcessed(
  log: readonly ProcessedCommand[],
  key: string | undefined,
): ProcessedCommand | undefined {
  return key === undefined ? undefined : log.find((entry) => entry.key === key);
}

export function rememberProcessed(
  log: readonly ProcessedCommand[],
  entry: ProcessedCommand,
): ProcessedCommand[] {
  return [...log, entry].slice(-PROCESSED_COMMANDS_KEPT);
}

/** Whether a command retried under a remembered key is the one that key answered. */
export function isSameCommand<C extends { type: string }>(entry: ProcessedCommand, command: C): boolean {
  return entry.fingerprint === fingerprint(command) || entry.fingerprint === typeFingerprint(command.type);
}

/**
 * The fingerprint of a command known only by its type: an answer rebuilt from the events' metadata (a workflow
 * started from its stream), where the command's fields were not stored. A key reused for another type is refused.
 */
export function typeFingerprint(commandType: string): string {
  return `type:${commandType}`;
}

/** A stable fingerprint of a command: FNV-1a over its canonical JSON (key order does not matter). */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0') + ':' + text.length;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entryValue]) => entryValue !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entryValue]) => `${JSON.stringify(key)}:${canonicalJson(entryValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
