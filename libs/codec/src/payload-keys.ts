/** One AES-256 key of the payload codec, named by the id stored with every payload it encrypted. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** `id:base64key[,id:base64key...]`: the first key encrypts, all of them decrypt (key rotation). */
export const PAYLOAD_KEYS_FORMAT =
  /^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=)*$/;

/**
 * Parses TEMPORAL_PAYLOAD_KEYS. To rotate: put a new key first and keep the old ones after it until the workflows
 * whose histories they encrypted are gone (the namespace's retention period).
 */
export function parsePayloadKeys(value: string): PayloadKey[] {
  if (!PAYLOAD_KEYS_FORMAT.test(value.trim())) {
    throw new Error(
      'TEMPORAL_PAYLOAD_KEYS must be id:key pairs separated by commas, each key 32 bytes in base64 ' +
        '(e.g. `openssl rand -base64 32`)',
    );
  }
  const keys = value
    .trim()
    .split(',')
    .map((pair) => {
      const [id, key] = pair.split(':');
      return { id, key: Buffer.from(key, 'base64') };
    });
  const ids = keys.map((key) => key.id);
  if (new Set(ids).size !== ids.length) throw new Error('TEMPORAL_PAYLOAD_KEYS names a key id twice');
  return keys;
}
