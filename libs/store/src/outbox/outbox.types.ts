import type { OutboxMessageState } from '../entities/outbox-message.entity';

/** A partner's subscription: which message kinds it receives, where, signed with which secret, tried how often. */
export interface OutboxSubscription {
  /** `VDAB`, `ACTIRIS`, `ABB`, `municipality:<name>` or `test-centre:<provider>` (see partner-messages.ts). */
  partner: string;
  eventKinds: string[];
  endpointUrl: string;
  /** The name of the signing secret in the relay's configuration (OUTBOX_PARTNER_SECRETS), not the secret. */
  secretRef: string;
  /** Attempts before a message becomes a dead letter. */
  maxAttempts: number;
  active: boolean;
  /** Messages enqueued from this instant are delivered (earlier ones are not sent to a new subscriber). */
  deliverFrom: string;
}

export interface OutboxSubscriptionView extends OutboxSubscription {
  createdAt: string;
  updatedAt: string;
  /** Messages of its kinds waiting for delivery (due, backing off, or held behind a dead letter). */
  pending: number;
  dead: number;
  delivered: number;
}

export type OutboxSubscriptionInput = Omit<OutboxSubscription, 'deliverFrom' | 'active'> & {
  active?: boolean;
  deliverFrom?: string;
};

/** A message the relay holds (locked) while it delivers it. Only ids, the kind and the body leave the store. */
export interface ClaimedMessage {
  messageId: string;
  partner: string;
  kind: string;
  trajectoryId: string;
  eventVersion: number;
  createdAt: string;
  payload: Record<string, unknown>;
  /** Attempts before this one. */
  attempts: number;
  endpointUrl: string;
  secretRef: string;
  maxAttempts: number;
}

export type DeliveryOutcome = { delivered: true } | { delivered: false; error: string };

export type RelayStep =
  | { outcome: 'idle' }
  | {
      outcome: 'delivered' | 'retrying' | 'dead';
      messageId: string;
      partner: string;
      attempt: number;
      /** Why the attempt failed (no body, no answer content). */
      error?: string;
    };

/** A dead letter as operators see it: no body (VDAB's messages carry a national number). */
export interface DeadLetterView {
  messageId: string;
  partner: string;
  kind: string;
  trajectoryId: string;
  eventVersion: number;
  state: OutboxMessageState;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  deadAt: string | null;
  replays: number;
  createdAt: string;
  /** Later messages for the same partner and trajectory held back until this one is delivered. */
  blockedBehind: number;
}
