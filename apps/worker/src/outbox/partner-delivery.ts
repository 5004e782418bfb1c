import type { ClaimedMessage, DeliveryOutcome } from '../../../../libs/store/src';
import type { PartnerSecrets } from './partner-secrets';
import { signatureHeader } from './webhook-signature';

/** What a partner's endpoint receives (the body of the POST). */
export interface DeliveredBody {
  /** The message id: the same on every attempt; partners deduplicate on it (also in `webhook-id`). */
  id: string;
  type: string;
  /** When the message was enqueued (with the event that caused it). */
  timestamp: string;
  trajectoryId: string;
  /** The trajectory's event version that caused the message: grows with each message about the trajectory. */
  trajectoryVersion: number;
  data: Record<string, unknown>;
}

export function deliveredBody(message: ClaimedMessage): string {
  const body: DeliveredBody = {
    id: message.messageId,
    type: message.kind,
    timestamp: message.createdAt,
    trajectoryId: message.trajectoryId,
    trajectoryVersion: message.eventVersion,
    data: message.payload,
  };
  return JSON.stringify(body);
}

export interface PartnerDeliveryOptions {
  secrets: PartnerSecrets;
  timeoutMs: number;
  /** Unix seconds now (tests fix it). */
  nowSeconds?: () => number;
}

/**
 * POSTs one message to its partner's endpoint, signed; any 2xx answer is a delivery, anything else (another
 * status, a refused connection, a timeout) a failed attempt. The error says what happened without the body or
 * the answer's content (a partner's error page could echo personal data).
 */
export async function deliverToPartner(
  message: ClaimedMessage,
  options: PartnerDeliveryOptions,
): Promise<DeliveryOutcome> {
  const secrets = options.secrets.get(message.secretRef);
  if (!secrets?.length) {
    return {
      delivered: false,
      error: `no secret configured for reference "${message.secretRef}" (OUTBOX_PARTNER_SECRETS)`,
    };
  }
  const body = deliveredBody(message);
  const timestamp = options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(message.endpointUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'inburgering-outbox-relay',
        'webhook-id': message.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader({ messageId: message.messageId, timestamp, body }, secrets),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // The answer's content is not needed; reading it frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { delivered: true };
    return { delivered: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, error: networkError(error, options.timeoutMs) };
  }
}

/** Duck-typed: errors from Node's own fetch may come from another realm (jest), where instanceof fails. */
function networkError(error: unknown, timeoutMs: number): string {
  const failure = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; errors?: { code?: string }[] };
  };
  if (failure?.name === 'TimeoutError' || failure?.name === 'AbortError')
    return `no answer within ${timeoutMs} ms`;
  const code = failure?.cause?.code ?? failure?.cause?.errors?.find((inner) => inner.code)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code) return `network error ${code}`;
  return `network error: ${failure?.message ?? String(error)}`;
}
