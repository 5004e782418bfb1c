/**
 * Who may see and do what: the one place that says it (issue 6 §2). Every route names the action it performs
 * (`@Allow`); a role may perform the actions listed for it, on the trajectories its scope selects, and reads them
 * through its view. Nothing else in the code decides access: the guard and AccessService only apply this table.
 */

export const ROLES = [
  'counsellor',
  'manager',
  'work-partner',
  'municipality-coordinator',
  'test-centre',
  'enforcement-officer',
  'data-protection-officer',
  'operator',
  'policy-coordinator',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** Register a newcomer and open a trajectory (for the caller's own agency only). */
  'trajectory.open',
  /** Read one trajectory (through the role's view). */
  'trajectory.read',
  /** Read a trajectory's events. */
  'trajectory.timeline',
  /** Every counsellor command on a trajectory: intake, contract, target group, pillars, suspension, closure... */
  'trajectory.counsel',
  /**
   * Upload the agency's caseload file (bulk opening): every row opened as `trajectory.open` opens one, for the
   * caller's own agency only; read the progress and problem rows of the agency's files.
   */
  'caseload.import',
  /** Hand a case to another agency (reassign). */
  'trajectory.transfer',
  /** A team lead hands a case to another counsellor of the agency. */
  'trajectory.reassign',
  /** MO/NT2 enrolments, attendance and test results. */
  'course.record',
  /** Record a VDAB or Actiris registration. */
  'work.register',
  /** Log a participation activity and its hours. */
  'participation.log',
  /** Decide on a violation file (fine or none). */
  'violation.decide',
  'caseload.list',
  'deadlines.list',
  'violations.list',
  'participation-hours.list',
  /** Deadline monitoring: counts per agency, office, counsellor and municipality, the weekly trend, the cases. */
  'monitoring.read',
  /** Define the agency's offices and which counsellors belong to each. */
  'offices.manage',
  /**
   * The key figures and the per-municipality indicators. Aggregates without personal data (counts, shares,
   * medians; no trajectory, newcomer or counsellor is named), of EVERY agency: the agencies are compared side by
   * side (benchmarking, Beleidsbrief 2015-2016 l.961-967), so this action is not narrowed by the read scope. The
   * trajectories behind a figure stay behind the caller's scope (trajectory.read, caseload.list).
   */
  'key-figures.read',
  /** The annual report (HTML, PDF) and its tables (CSV): key figures only, like key-figures.read. */
  'reports.read',
  /** The audit trail of personal-data access. */
  'audit.read',
  /** Send registrations, singly or as a file, and read the progress and problem rows of one's own imports. */
  'registrations.submit',
  /** The reconciliation queue of unmatched and conflicting registrations: list, link, dismiss. */
  'reconciliation.work',
  /** List the trajectories whose workflow met an unexpected failure, and retry them after a fix. */
  'incidents.manage',
  /** The outbound notifications: partners' subscriptions, dead letters and their replay (no message bodies). */
  'outbox.manage',
  /**
   * Decrypt Temporal payloads through the codec endpoint (reading a workflow's history for an investigation):
   * shows personal data, so every call is audited like any other read of it.
   */
  'temporal.decode',
  /** The policy plan's actions: list, one action and its history, the reports per minister and per status. */
  'policy-actions.read',
  /** Change a policy action's status (an event with who and when). */
  'policy-actions.change-status',
  /** Replay recorded trajectories under changed policy parameters; nothing is written. */
  'what-if.run',
  /**
   * A municipality's participation activities by national number, singly or as a file (matched within the
   * coordinator's scope: residents of the municipality), and the progress and problem rows of its own files.
   */
  'participation.submit',
  /**
   * A test centre's or course provider's enrolments, attendance and test results by national number, singly or as
   * a file (matched within its scope: learners referred to or enrolled with it), and its own files' reports.
   */
  'courses.submit',
  /** Read a violation file as a document (JSON, printable page) for the decision on it. */
  'violation.document',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Which trajectories a role sees, from the token's claims:
 * - `own-agency`: those its organisation (an agency code) owns now;
 * - `work-region`: those with a work pillar where the newcomer lives in its region (VDAB: Flanders, Actiris:
 *   the Brussels-Capital Region);
 * - `own-municipality`: newcomers living in its municipality;
 * - `referred-learners`: learners referred to or enrolled with it (its organisation is the course provider);
 * - `violation-files`: trajectories with a violation file, of every agency;
 * - `none`: no trajectory.
 */
export type ScopeRule =
  'own-agency' | 'work-region' | 'own-municipality' | 'referred-learners' | 'violation-files' | 'none';

/**
 * Which fields of a trajectory a role reads:
 * - `full`: everything;
 * - `work-match`: what is needed to match a registration (INSZ, name, contract date, the VDAB deadline);
 * - `participation`: name, municipality and the participation pillar;
 * - `course`: name and the MO and NT2 pillars;
 * - `violation-file`: the facts of the violation files only. The file's document (GET /violations/:id/document)
 *   adds what a fine needs to name its addressee: given and family name, national number and municipality of
 *   residence (decided for issue 8 §3); never the birth date, the counsellor, the intake, the pillars or notes.
 */
export type View = 'full' | 'work-match' | 'participation' | 'course' | 'violation-file';

export interface RolePolicy {
  description: string;
  scope: ScopeRule;
  view: View;
  may: readonly Action[];
}

const COUNSELLOR_ACTIONS: readonly Action[] = [
  'trajectory.open',
  'trajectory.read',
  'trajectory.timeline',
  'trajectory.counsel',
  'trajectory.transfer',
  'course.record',
  'work.register',
  'participation.log',
  'caseload.list',
  'deadlines.list',
  'violations.list',
  'reconciliation.work',
];

export const ACCESS_POLICY: Readonly<Record<Role, RolePolicy>> = {
  counsellor: {
    description: 'Cases of their own agency; every counsellor command on them',
    scope: 'own-agency',
    view: 'full',
    may: COUNSELLOR_ACTIONS,
  },
  manager: {
    description: "Their agency's cases, lists and key figures; reassigns cases",
    scope: 'own-agency',
    view: 'full',
    may: [
      'trajectory.read',
      'trajectory.timeline',
      'trajectory.transfer',
      'trajectory.reassign',
      'caseload.import',
      'caseload.list',
      'deadlines.list',
      'violations.list',
      'participation-hours.list',
      'reconciliation.work',
      'monitoring.read',
      'offices.manage',
      'policy-actions.read',
      'what-if.run',
      'key-figures.read',
      'reports.read',
    ],
  },
  'work-partner': {
    description:
      'VDAB (Flanders) or Actiris (Brussels), mediator or system: trajectories with a work pillar in its region, ' +
      'only the fields needed to match; records registrations',
    scope: 'work-region',
    view: 'work-match',
    may: ['trajectory.read', 'work.register', 'registrations.submit', 'reconciliation.work'],
  },
  'municipality-coordinator': {
    description: 'Newcomers living in the municipality, participation pillar only; logs activities and hours',
    scope: 'own-municipality',
    view: 'participation',
    may: ['trajectory.read', 'participation.log', 'participation-hours.list', 'participation.submit'],
  },
  'test-centre': {
    description: 'Learners referred to it; enrolments, attendance and results',
    scope: 'referred-learners',
    view: 'course',
    may: ['trajectory.read', 'course.record', 'courses.submit'],
  },
  'enforcement-officer': {
    description: 'Violation files of all agencies, with only the facts of the file; fine decisions',
    scope: 'violation-files',
    view: 'violation-file',
    may: ['violations.list', 'violation.decide', 'violation.document'],
  },
  'data-protection-officer': {
    description: 'The audit trail of personal-data access, nothing else',
    scope: 'none',
    view: 'violation-file',
    may: ['audit.read'],
  },
  operator: {
    description:
      'Health and operations: incidents, the outbox relay; no personal data, except by decoding a workflow ' +
      'history for an investigation (audited)',
    scope: 'none',
    view: 'violation-file',
    may: ['incidents.manage', 'outbox.manage', 'temporal.decode'],
  },
  /*
   * The Horizontal Integration Policy Plan's actions belong to the ministers of the whole Flemish government (work,
   * education, culture, ...), not to an integration agency: an agency manager reads them, and only the plan's
   * coordinator in the Flemish administration records their status (issue 9 §5). No trajectories.
   */
  'policy-coordinator': {
    description: "The policy plan's actions: records their status changes; no trajectories",
    scope: 'none',
    view: 'violation-file',
    may: ['policy-actions.read', 'policy-actions.change-status'],
  },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function mayPerform(role: Role, action: Action): boolean {
  return ACCESS_POLICY[role].may.includes(action);
}
