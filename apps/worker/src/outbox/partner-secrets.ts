/**
 * The partners' signing secrets, from configuration (OUTBOX_PARTNER_SECRETS), never from the database: a
 * subscription names its secret by reference. `ref:base64secret[,ref:base64secret...]`, each secret 24 to 64
 * bytes (as Standard Webhooks asks; `openssl rand -base64 32`). An optional `whsec_` prefix is accepted.
 */
export const PARTNER_SECRETS_FORMAT =
  /^([A-Za-z0-9._-]{1,64}:(whsec_)?[A-Za-z0-9+/]{32,88}={0,2})(,[A-Za-z0-9._-]{1,64}:(whsec_)?[A-Za-z0-9+/]{32,88}={0,2})*$/;

export type PartnerSecrets = ReadonlyMap<string, Buffer>;

export function parsePartnerSecrets(value: string): PartnerSecrets {
  const trimmed = value.trim();
  if (trimmed === '') return new Map();
  if (!PARTNER_SECRETS_FORMAT.test(trimmed)) throw new Error(PARTNER_SECRETS_MESSAGE);
  const secrets = new Map<string, Buffer>();
  for (const pair of trimmed.split(',')) {
    const [ref, encoded] = pair.split(':');
    const secret = Buffer.from(encoded.replace(/^whsec_/, ''), 'base64');
    if (secret.length < 24 || secret.length > 64) throw new Error(PARTNER_SECRETS_MESSAGE);
    if (secrets.has(ref)) throw new Error(`OUTBOX_PARTNER_SECRETS names the reference "${ref}" twice`);
    secrets.set(ref, secret);
  }
  return secrets;
}

export const PARTNER_SECRETS_MESSAGE =
  'OUTBOX_PARTNER_SECRETS must be ref:secret pairs separated by commas, each secret 24 to 64 bytes in base64 ' +
  '(openssl rand -base64 32)';
