/**
 * What should happen next on a trajectory, most urgent first: a pure reading of where the trajectory stands,
 * for the counsellor's screen. It decides nothing; the workflow still accepts or refuses each command.
 *
 * The input is structural (plain strings, counts) so that a read-model view or a folded state fits it without
 * conversion, and so this file depends on nothing.
 */

export const NEXT_ACTION_CODES = [
  'RESUME_TRAJECTORY',
  'REGISTER_WITH_VDAB',
  'REGISTER_WITH_ACTIRIS',
  'PROVE_B1_ORAL',
  'MEET_DEADLINE',
  'DECIDE_VIOLATION',
  'RECORD_INTAKE',
  'RECORD_TARGET_GROUP_FACTS',
  'SIGN_CONTRACT',
  'ENROL_IN_MO_COURSE',
  'TAKE_MO_TEST',
  'REFER_TO_NT2_COURSE',
  'ENROL_IN_NT2_COURSE',
  'TAKE_NT2_TEST',
  'LOG_PARTICIPATION_HOURS',
] as const;

export type NextActionCode = (typeof NEXT_ACTION_CODES)[number];

/**
 * Every wording of a next action, with the parameters it names: a stable key a screen translates (its catalogue
 * fills in the parameters), while `description` stays the English text for API clients. Dates are YYYY-MM-DD,
 * `deadlineKind` a deadline kind, `violationKind` a violation kind, `targetLevel` an NT2 level.
 */
export const NEXT_ACTION_KEYS = {
  RESUME_TRAJECTORY: [],
  RESUME_TRAJECTORY_SUSPENDED_SINCE: ['suspendedFrom'],
  REGISTER_WITH_VDAB_DUE: ['dueOn'],
  REGISTER_WITH_VDAB_OVERDUE: ['dueOn'],
  REGISTER_WITH_VDAB_FOR_ATTEST: [],
  REGISTER_WITH_ACTIRIS_DUE: ['dueOn'],
  REGISTER_WITH_ACTIRIS_OVERDUE: ['dueOn'],
  REGISTER_WITH_ACTIRIS_FOR_ATTEST: [],
  PROVE_B1_ORAL_DUE: ['dueOn'],
  PROVE_B1_ORAL_OVERDUE: ['dueOn'],
  MEET_DEADLINE_DUE: ['deadlineKind', 'dueOn'],
  MEET_DEADLINE_OVERDUE: ['deadlineKind', 'dueOn'],
  DECIDE_VIOLATION: [],
  DECIDE_VIOLATION_OF_KIND: ['violationKind'],
  RECORD_TARGET_GROUP_FACTS: [],
  COMPLETE_TARGET_GROUP_FACTS: [],
  RECORD_INTAKE: [],
  SIGN_CONTRACT: [],
  SIGN_CONTRACT_AFTER_INTAKE: ['intakeOn'],
  ENROL_IN_MO_COURSE: [],
  TAKE_MO_TEST: [],
  TAKE_MO_TEST_AGAIN: ['attempts'],
  REFER_TO_NT2_COURSE: ['targetLevel'],
  ENROL_IN_NT2_COURSE: ['targetLevel'],
  TAKE_NT2_TEST: ['targetLevel'],
  TAKE_NT2_TEST_AGAIN: ['targetLevel', 'results'],
  LOG_PARTICIPATION_HOURS: [],
  LOG_PARTICIPATION_HOURS_TO_GO: ['hours', 'targetHours', 'hoursToGo'],
} as const satisfies Record<string, readonly string[]>;

export type NextActionKey = keyof typeof NEXT_ACTION_KEYS;

export interface NextAction {
  action: NextActionCode;
  /** Which wording (NEXT_ACTION_KEYS) with `params` filled in. */
  key: NextActionKey;
  params: Record<string, string | number>;
  description: string;
  /** The last day to do it, when a deadline says so (YYYY-MM-DD). */
  dueOn?: string;
  /** The violation file to decide (DECIDE_VIOLATION). */
  violationId?: string;
}

export interface NextActionsDeadline {
  kind: string;
  dueOn: string;
  state: string;
}

export interface NextActionsViolation {
  state: string;
  violationId?: string;
  kind?: string;
}

/** Counts are read from `details` by name; an array counts its items, a number is taken as it is. */
export interface NextActionsPillar {
  pillar: string;
  applicability: string;
  status: string;
  /** Why it applies; for WORK it names the partner (VDAB, or Actiris in Brussels). */
  applicabilityReason?: string | null;
  targetLevel?: string | null;
  hours?: number | string | null;
  targetHours?: number | string | null;
  details?: object | null;
}

export interface NextActionsInput {
  status: string;
  phase: string;
  intakeOn: string | null;
  contractSignedOn: string | null;
  suspendedFrom?: string | null;
  deadlines: readonly NextActionsDeadline[];
  violations: readonly NextActionsViolation[];
  /** Empty until the contract is signed; read once contractSignedOn is set. */
  pillars?: readonly NextActionsPillar[] | null;
  attest?: unknown;
  /** The status that governs the trajectory; null when no facts were recorded. Left out: not considered. */
  targetGroup?: { status: string } | null;
}

export interface NextActionsOptions {
  /** Today in Brussels (YYYY-MM-DD); an open deadline due before it is described as overdue. */
  today?: string;
}

const PILLAR_ORDER = ['MO', 'NT2', 'WORK', 'PARTICIPATION'];

/**
 * The actions, in this order:
 * 1. a suspended trajectory: resume it (nothing else runs meanwhile), then the violation files to decide;
 * 2. open deadlines by due date, the earliest (or overdue) first;
 * 3. violation files awaiting the enforcement officer's decision;
 * 4. the main line: intake, target-group facts (settled before the contract), contract;
 * 5. the pillars that count for the attest, in the order MO, NT2, WORK, PARTICIPATION.
 * A closed trajectory has none; an open one with an attest is in its follow-up track: its deadline and files. Each action code appears once, except one
 * DECIDE_VIOLATION per open file and one MEET_DEADLINE per deadline of a kind without its own action.
 */
export function nextActions(trajectory: NextActionsInput, options: NextActionsOptions = {}): NextAction[] {
  if (trajectory.status === 'CLOSED') return [];
  const violations = violationActions(trajectory.violations);
  // After the attest only the follow-up track runs (an open trajectory with an attest is in it).
  if (trajectory.phase === 'ATTEST_ISSUED' || isPresent(trajectory.attest)) {
    if (trajectory.status === 'SUSPENDED') return violations;
    return [...deadlineActions(trajectory.deadlines, options.today), ...violations];
  }
  if (trajectory.status === 'SUSPENDED') {
    const from = trajectory.suspendedFrom;
    const since = from ? ` suspended since ${from}` : '';
    return [
      {
        action: 'RESUME_TRAJECTORY',
        ...(from
          ? { key: 'RESUME_TRAJECTORY_SUSPENDED_SINCE', params: { suspendedFrom: from } }
          : { key: 'RESUME_TRAJECTORY', params: {} }),
        description: `Resume the trajectory${since}; its deadlines and pillars wait until then`,
      },
      ...violations,
    ];
  }
  const actions = [...deadlineActions(trajectory.deadlines, options.today), ...violations];
  const listed = new Set(actions.map((action) => action.action));
  const add = (action: NextAction) => {
    if (listed.has(action.action)) return;
    listed.add(action.action);
    actions.push(action);
  };
  mainLineActions(trajectory).forEach(add);
  if (trajectory.contractSignedOn) pillarActions(trajectory.pillars ?? []).forEach(add);
  return actions;
}

function deadlineActions(deadlines: readonly NextActionsDeadline[], today: string | undefined): NextAction[] {
  return deadlines
    .filter((deadline) => deadline.state === 'OPEN')
    .sort((a, b) => compare(a.dueOn, b.dueOn) || compare(a.kind, b.kind))
    .map((deadline): NextAction => {
      const overdue = today !== undefined && deadline.dueOn < today;
      const when = overdue ? `was due on ${deadline.dueOn} (overdue)` : `due by ${deadline.dueOn}`;
      const dueOn = deadline.dueOn;
      const timing = overdue ? 'OVERDUE' : 'DUE';
      if (deadline.kind === 'VDAB_REGISTRATION') {
        return {
          action: 'REGISTER_WITH_VDAB',
          key: `REGISTER_WITH_VDAB_${timing}`,
          params: { dueOn },
          description: `Register the newcomer with VDAB: ${when}`,
          dueOn,
        };
      }
      if (deadline.kind === 'ACTIRIS_REGISTRATION') {
        return {
          action: 'REGISTER_WITH_ACTIRIS',
          key: `REGISTER_WITH_ACTIRIS_${timing}`,
          params: { dueOn },
          description: `Register the newcomer with Actiris (Brussels): ${when}`,
          dueOn,
        };
      }
      if (deadline.kind === 'FOLLOW_UP_B1_ORAL') {
        return {
          action: 'PROVE_B1_ORAL',
          key: `PROVE_B1_ORAL_${timing}`,
          params: { dueOn },
          description: `Follow-up track: the newcomer proves B1 for speaking and listening: ${when}`,
          dueOn,
        };
      }
      return {
        action: 'MEET_DEADLINE',
        key: `MEET_DEADLINE_${timing}`,
        params: { deadlineKind: deadline.kind, dueOn },
        description: `Meet the ${deadline.kind} deadline: ${when}`,
        dueOn,
      };
    });
}

function violationActions(violations: readonly NextActionsViolation[]): NextAction[] {
  return violations
    .filter((violation) => violation.state === 'OPEN')
    .map((violation): NextAction => {
      const file = [violation.violationId, violation.kind && `(${violation.kind})`].filter(Boolean).join(' ');
      return {
        action: 'DECIDE_VIOLATION',
        ...(violation.kind
          ? { key: 'DECIDE_VIOLATION_OF_KIND', params: { violationKind: violation.kind } }
          : { key: 'DECIDE_VIOLATION', params: {} }),
        description: `Decide on the violation file${file ? ` ${file}` : ''}: fine or no fine`,
        ...(violation.violationId ? { violationId: violation.violationId } : {}),
      };
    });
}

function mainLineActions(trajectory: NextActionsInput): NextAction[] {
  const factsMissing =
    trajectory.targetGroup !== undefined &&
    (trajectory.targetGroup === null || trajectory.targetGroup.status === 'UNDETERMINED');
  const facts: NextAction[] = factsMissing
    ? [
        {
          action: 'RECORD_TARGET_GROUP_FACTS',
          key: trajectory.targetGroup === null ? 'RECORD_TARGET_GROUP_FACTS' : 'COMPLETE_TARGET_GROUP_FACTS',
          params: {},
          description:
            trajectory.targetGroup === null
              ? 'Record the target-group facts (obliged, entitled or exempt); they are settled at the contract'
              : 'Complete the target-group facts: the status is still UNDETERMINED; they are settled at the contract',
        },
      ]
    : [];
  if (trajectory.phase === 'REGISTERED') {
    return [
      {
        action: 'RECORD_INTAKE',
        key: 'RECORD_INTAKE',
        params: {},
        description:
          'Hold and record the intake: learning-needs detection, digital-skills screening, integration plan',
      },
      ...facts,
    ];
  }
  if (trajectory.phase === 'INTAKE_DONE') {
    return [
      ...facts,
      {
        action: 'SIGN_CONTRACT',
        ...(trajectory.intakeOn
          ? { key: 'SIGN_CONTRACT_AFTER_INTAKE', params: { intakeOn: trajectory.intakeOn } }
          : { key: 'SIGN_CONTRACT', params: {} }),
        description: `Record the signed integration contract${trajectory.intakeOn ? ` (intake held on ${trajectory.intakeOn})` : ''}; it fixes the policy version and the deadlines`,
      },
    ];
  }
  return [];
}

function pillarActions(pillars: readonly NextActionsPillar[]): NextAction[] {
  return pillars
    .filter(
      (pillar) =>
        pillar.applicability === 'REQUIRED' && pillar.status !== 'COMPLETED' && pillar.status !== 'WAIVED',
    )
    .sort((a, b) => rank(a.pillar) - rank(b.pillar))
    .flatMap((pillar): NextAction[] => {
      switch (pillar.pillar) {
        case 'MO':
          return [moAction(pillar)];
        case 'NT2':
          return [nt2Action(pillar)];
        case 'WORK':
          return [workAction(pillar)];
        case 'PARTICIPATION':
          return [participationAction(pillar)];
        default:
          return [];
      }
    });
}

/** Actiris for a Brussels resident: the WORK pillar's reason names the partner it was determined with. */
function workAction(pillar: NextActionsPillar): NextAction {
  return pillar.applicabilityReason?.startsWith('Actiris')
    ? {
        action: 'REGISTER_WITH_ACTIRIS',
        key: 'REGISTER_WITH_ACTIRIS_FOR_ATTEST',
        params: {},
        description: 'Register the newcomer with Actiris (Brussels): the WORK pillar counts for the attest',
      }
    : {
        action: 'REGISTER_WITH_VDAB',
        key: 'REGISTER_WITH_VDAB_FOR_ATTEST',
        params: {},
        description: 'Register the newcomer with VDAB: the WORK pillar counts for the attest',
      };
}

function moAction(pillar: NextActionsPillar): NextAction {
  if (countOf(pillar.details, 'enrolments') === 0) {
    return {
      action: 'ENROL_IN_MO_COURSE',
      key: 'ENROL_IN_MO_COURSE',
      params: {},
      description: 'Enrol the newcomer in a social-orientation (MO) course in a language they understand',
    };
  }
  const attempts = countOf(pillar.details, 'testAttempts');
  const sofar =
    attempts === 0 ? '' : `; ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} not passed so far`;
  return {
    action: 'TAKE_MO_TEST',
    ...(attempts === 0
      ? { key: 'TAKE_MO_TEST', params: {} }
      : { key: 'TAKE_MO_TEST_AGAIN', params: { attempts } }),
    description: `The newcomer takes the standardised MO test${sofar}`,
  };
}

function nt2Action(pillar: NextActionsPillar): NextAction {
  const target = pillar.targetLevel ? ` (target ${pillar.targetLevel})` : '';
  const targetLevel = pillar.targetLevel ?? '';
  if (countOf(pillar.details, 'referrals') === 0) {
    return {
      action: 'REFER_TO_NT2_COURSE',
      key: 'REFER_TO_NT2_COURSE',
      params: { targetLevel },
      description: `Refer the newcomer to a Dutch (NT2) course${target}`,
    };
  }
  const results = countOf(pillar.details, 'testResults');
  if (countOf(pillar.details, 'enrolments') === 0 && results === 0) {
    return {
      action: 'ENROL_IN_NT2_COURSE',
      key: 'ENROL_IN_NT2_COURSE',
      params: { targetLevel },
      description: `Enrol the newcomer in the Dutch (NT2) course they were referred to${target}`,
    };
  }
  const sofar =
    results === 0 ? '' : `; ${results} ${results === 1 ? 'result' : 'results'} below the target so far`;
  return {
    action: 'TAKE_NT2_TEST',
    ...(results === 0
      ? { key: 'TAKE_NT2_TEST', params: { targetLevel } }
      : { key: 'TAKE_NT2_TEST_AGAIN', params: { targetLevel, results } }),
    description: `The newcomer takes a standardised NT2 test${target}${sofar}`,
  };
}

function participationAction(pillar: NextActionsPillar): NextAction {
  const hours = numberOf(pillar.hours);
  const target = numberOf(pillar.targetHours);
  if (target <= 0)
    return {
      action: 'LOG_PARTICIPATION_HOURS',
      key: 'LOG_PARTICIPATION_HOURS',
      params: {},
      description: 'Log participation-and-network activities and their hours',
    };
  const toGo = Math.max(0, target - hours);
  return {
    action: 'LOG_PARTICIPATION_HOURS',
    key: 'LOG_PARTICIPATION_HOURS_TO_GO',
    params: { hours, targetHours: target, hoursToGo: toGo },
    description: `Log participation-and-network activities: ${hours} of ${target} hours done, ${toGo} to go`,
  };
}

function countOf(details: object | null | undefined, key: string): number {
  const value = details ? (details as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(value)) return value.length;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Hours may come as numeric strings from the database. */
function numberOf(value: number | string | null | undefined): number {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : 0;
}

function rank(pillar: string): number {
  const index = PILLAR_ORDER.indexOf(pillar);
  return index === -1 ? PILLAR_ORDER.length : index;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}
