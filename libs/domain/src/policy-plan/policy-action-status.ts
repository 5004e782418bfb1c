/**
 * The statuses of an action of the Horizontal Integration Policy Plan, as its 2016-2017 report uses them
 * (Rapportage HIB 2016-2017, column "Status"): Nieuw, in uitvoering, Uitgevoerd, uitgebreid, in vertraging, Vervallen,
 * Nog op te starten. The report explains ("Duiding") exactly the delayed, dropped and not-yet-started actions.
 */
export const POLICY_ACTION_STATUSES = [
  'NEW',
  'IN_PROGRESS',
  'DONE',
  'EXTENDED',
  'DELAYED',
  'DROPPED',
  'NOT_STARTED',
] as const;
export type PolicyActionStatus = (typeof POLICY_ACTION_STATUSES)[number];

/** The statuses that need an explanation: the report gives one for these and only these. */
export const STATUSES_REQUIRING_EXPLANATION: readonly PolicyActionStatus[] = [
  'DELAYED',
  'DROPPED',
  'NOT_STARTED',
];

/** The report's Dutch label of each status. */
export const POLICY_ACTION_STATUS_LABELS: Readonly<Record<PolicyActionStatus, string>> = {
  NEW: 'Nieuw',
  IN_PROGRESS: 'In uitvoering',
  DONE: 'Uitgevoerd',
  EXTENDED: 'Uitgebreid',
  DELAYED: 'In vertraging',
  DROPPED: 'Vervallen',
  NOT_STARTED: 'Nog op te starten',
};

export function isPolicyActionStatus(value: unknown): value is PolicyActionStatus {
  return typeof value === 'string' && (POLICY_ACTION_STATUSES as readonly string[]).includes(value);
}

export function requiresExplanation(status: PolicyActionStatus): boolean {
  return STATUSES_REQUIRING_EXPLANATION.includes(status);
}
