import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature partners verify, after Standard Webhooks (standardwebhooks.com): HMAC-SHA256 with the partner's
 * secret over `<message id>.<timestamp>.<body>`, where the timestamp is the `webhook-timestamp` header (Unix
 * seconds) and the body the exact bytes received; sent as `webhook-signature: v1,<base64 of the MAC>`.
 */
export const SIGNATURE_VERSION = 'v1';

export interface SignedContent {
  messageId: string;
  /** Unix seconds, as sent in `webhook-timestamp`. */
  timestamp: number;
  body: string;
}

export function signatureOf(content: SignedContent, secret: Buffer): string {
  const mac = createHmac('sha256', secret)
    .update(`${content.messageId}.${content.timestamp}.${content.body}`)
    .digest('base64');
  return `${SIGNATURE_VERSION},${mac}`;
}

/** The `webhook-signature` header: one signature per secret, space-separated (several while a secret is rotated). */
export function signatureHeader(content: SignedContent, secrets: readonly Buffer[]): string {
  return secrets.map((secret) => signatureOf(content, secret)).join(' ');
}

/**
 * A partner's check: one of the space-separated signatures in the header matches, and the timestamp is within
 * `toleranceSeconds` of `nowSeconds` (a replayed old delivery is refused).
 */
export function verifySignature(
  content: SignedContent,
  signatureHeader: string,
  secret: Buffer,
  { nowSeconds, toleranceSeconds = 300 }: { nowSeconds: number; toleranceSeconds?: number },
): boolean {
  if (Math.abs(nowSeconds - content.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(content, secret));
  return signatureHeader
    .split(' ')
    .map((candidate) => Buffer.from(candidate))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
}
