import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * TEMPORAL_PAYLOAD_KEYS for `npm start`: the environment's when set; otherwise a key generated on the first run
 * and kept in `<dataDir>/temporal-payload-keys` (readable by the owner only), so that the histories Temporal keeps
 * in `.data/` stay readable after a restart.
 */
export function ensurePayloadKeys(dataDir: string, log: (line: string) => void): string {
  if (process.env.TEMPORAL_PAYLOAD_KEYS) return process.env.TEMPORAL_PAYLOAD_KEYS;
  const file = join(dataDir, 'temporal-payload-keys');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const keys = `local-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}`;
  writeFileSync(file, `${keys}\n`, { mode: 0o600 });
  log(`generated the Temporal payload key in ${file}`);
  return keys;
}
