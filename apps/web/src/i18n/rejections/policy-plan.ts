import type { DutchRejections } from './dutch-rejections';

/** The reasons of libs/domain/src/trajectory/rejection-reasons/policy-plan.ts in Dutch. */
export const POLICY_PLAN_IN_DUTCH = {
  POLICY_ACTION_NOT_FOUND: 'Deze actie van het beleidsplan bestaat niet.',
  POLICY_ACTION_STATUS_UNCHANGED: 'De actie heeft al de status {actionStatus} met deze toelichting.',
  POLICY_ACTION_UNKNOWN_STATUS: 'De status {value} is niet gekend.',
  POLICY_ACTION_EXPLANATION_REQUIRED: 'Geef een toelichting bij de status {actionStatus}.',
  POLICY_ACTION_EXPLANATION_NOT_EXPECTED:
    'Een toelichting hoort alleen bij de status in vertraging, vervallen of nog op te starten, niet bij {actionStatus}. Laat ze leeg.',
  POLICY_ACTION_EXPLANATION_TOO_LONG: 'De toelichting is langer dan {maxLength} tekens. Kort ze in.',
} as const satisfies DutchRejections;
