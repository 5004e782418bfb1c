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

export interface NextAction {
  action: NextActionCode;
  description: string;
  /** The last day to do it, when a deadline says so (YYYY-MM-DD). */
  dueOn?: string;
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
    const since = trajectory.suspendedFrom ? ` suspended since ${trajectory.suspendedFrom}` : '';
    return [
      {
        action: 'RESUME_TRAJECTORY',
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
    .map((deadline) => {
      const overdue = today !== undefined && deadline.dueOn < today;
      const when = overdue ? `was due on ${deadline.dueOn} (overdue)` : `due by ${deadline.dueOn}`;
      if (deadline.kind === 'VDAB_REGISTRATION') {
        return {
          action: 'REGISTER_WITH_VDAB',
          description: `Register the newcomer with VDAB: ${when}`,
          dueOn: deadline.dueOn,
        };
      }
      if (deadline.kind === 'ACTIRIS_REGISTRATION') {
        return {
          action: 'REGISTER_WITH_ACTIRIS',
          description: `Register the newcomer with Actiris (Brussels): ${when}`,
          dueOn: deadline.dueOn,
        };
      }
      if (deadline.kind === 'FOLLOW_UP_B1_ORAL') {
        return {
          action: 'PROVE_B1_ORAL',
          description: `Follow-up track: the newcomer proves B1 for speaking and listening: ${when}`,
          dueOn: deadline.dueOn,
        };
      }
      return {
        action: 'MEET_DEADLINE',
        description: `Meet the ${deadline.kind} deadline: ${when}`,
        dueOn: deadline.dueOn,
      };
    });
}

function violationActions(violations: readonly NextActionsViolation[]): NextAction[] {
  return violations
    .filter((violation) => violation.state === 'OPEN')
    .map((violation) => {
      const file = [violation.violationId, violation.kind && `(${violation.kind})`].filter(Boolean).join(' ');
      return {
        action: 'DECIDE_VIOLATION',
        description: `Decide on the violation file${file ? ` ${file}` : ''}: fine or no fine`,
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
        description: 'Register the newcomer with Actiris (Brussels): the WORK pillar counts for the attest',
      }
    : {
        action: 'REGISTER_WITH_VDAB',
        description: 'Register the newcomer with VDAB: the WORK pillar counts for the attest',
      };
}

function moAction(pillar: NextActionsPillar): NextAction {
  if (countOf(pillar.details, 'enrolments') === 0) {
    return {
      action: 'ENROL_IN_MO_COURSE',
      description: 'Enrol the newcomer in a social-orientation (MO) course in a language they understand',
    };
  }
  const attempts = countOf(pillar.details, 'testAttempts');
  const sofar =
    attempts === 0 ? '' : `; ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} not passed so far`;
  return { action: 'TAKE_MO_TEST', description: `The newcomer takes the standardised MO test${sofar}` };
}

function nt2Action(pillar: NextActionsPillar): NextAction {
  const target = pillar.targetLevel ? ` (target ${pillar.targetLevel})` : '';
  if (countOf(pillar.details, 'referrals') === 0) {
    return {
      action: 'REFER_TO_NT2_COURSE',
      description: `Refer the newcomer to a Dutch (NT2) course${target}`,
    };
  }
  const results = countOf(pillar.details, 'testResults');
  if (countOf(pillar.details, 'enrolments') === 0 && results === 0) {
    return {
      action: 'ENROL_IN_NT2_COURSE',
      description: `Enrol the newcomer in the Dutch (NT2) course they were referred to${target}`,
    };
  }
  const sofar =
    results === 0 ? '' : `; ${results} ${results === 1 ? 'result' : 'results'} below the target so far`;
  return {
    action: 'TAKE_NT2_TEST',
    description: `The newcomer takes a standardised NT2 test${target}${sofar}`,
  };
}

function participationAction(pillar: NextActionsPillar): NextAction {
  const hours = numberOf(pillar.hours);
  const target = numberOf(pillar.targetHours);
  if (target <= 0)
    return {
      action: 'LOG_PARTICIPATION_HOURS',
      description: 'Log participation-and-network activities and their hours',
    };
  const toGo = Math.max(0, target - hours);
  return {
    action: 'LOG_PARTICIPATION_HOURS',
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
