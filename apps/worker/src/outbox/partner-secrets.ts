/**
 * The partners' signing secrets, from configuration (OUTBOX_PARTNER_SECRETS), never from the database: a
 * subscription names its secret by reference. `ref:base64secret[,ref:base64secret...]`, each secret 24 to 64
 * bytes (as Standard Webhooks asks; `openssl rand -base64 32`). An optional `whsec_` prefix is accepted.
 *
 * A reference named twice is a rotation: deliveries carry a signature with each of its secrets, in the order
 * given, so that the partner verifies with the old one until it switches to the new one (Standard Webhooks
 * allows several space-separated signatures). Once the partner has switched, the old one is removed.
 */
export const PARTNER_SECRETS_FORMAT =
  /^([A-Za-z0-9._-]{1,64}:(whsec_)?[A-Za-z0-9+/]{32,88}={0,2})(,[A-Za-z0-9._-]{1,64}:(whsec_)?[A-Za-z0-9+/]{32,88}={0,2})*$/;

/** The secrets a reference signs with: one, or two while it is being rotated. */
export type PartnerSecrets = ReadonlyMap<string, readonly Buffer[]>;

/** A rotation signs with the old and the new secret; a third is a mistake, not a rotation. */
export const MAX_SECRETS_PER_REFERENCE = 2;

export function parsePartnerSecrets(value: string): PartnerSecrets {
  const trimmed = value.trim();
  if (trimmed === '') return new Map();
  if (!PARTNER_SECRETS_FORMAT.test(trimmed)) throw new Error(PARTNER_SECRETS_MESSAGE);
  const secrets = new Map<string, Buffer[]>();
  for (const pair of trimmed.split(',')) {
    const [ref, encoded] = pair.split(':');
    const secret = Buffer.from(encoded.replace(/^whsec_/, ''), 'base64');
    if (secret.length < 24 || secret.length > 64) throw new Error(PARTNER_SECRETS_MESSAGE);
    const known = secrets.get(ref) ?? [];
    if (known.some((other) => other.equals(secret)))
      throw new Error(`OUTBOX_PARTNER_SECRETS gives the reference "${ref}" the same secret twice`);
    if (known.length === MAX_SECRETS_PER_REFERENCE)
      throw new Error(
        `OUTBOX_PARTNER_SECRETS names the reference "${ref}" more than ${MAX_SECRETS_PER_REFERENCE} times ` +
          '(a rotation signs with the old and the new secret only)',
      );
    secrets.set(ref, [...known, secret]);
  }
  return secrets;
}

/** What is wrong with the value, in the words `parsePartnerSecrets` refuses it with; undefined when it is valid. */
export function partnerSecretsProblem(value: string): string | undefined {
  try {
    parsePartnerSecrets(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export const PARTNER_SECRETS_MESSAGE =
  'OUTBOX_PARTNER_SECRETS must be ref:secret pairs separated by commas, each secret 24 to 64 bytes in base64 ' +
  '(openssl rand -base64 32); a reference named twice signs with both secrets while it is rotated';
