import {
  NEXT_ACTION_KEYS,
  NextActionCode,
  nextActions,
  NextActionsInput,
  NextActionsPillar,
} from './next-actions';

const registered: NextActionsInput = {
  status: 'OPEN',
  phase: 'REGISTERED',
  intakeOn: null,
  contractSignedOn: null,
  deadlines: [],
  violations: [],
  pillars: [],
  attest: null,
};

const intakeDone: NextActionsInput = { ...registered, phase: 'INTAKE_DONE', intakeOn: '2025-04-01' };

function pillar(name: string, overrides: Partial<NextActionsPillar> = {}): NextActionsPillar {
  return { pillar: name, applicability: 'REQUIRED', status: 'NOT_STARTED', details: {}, ...overrides };
}

const freshPillars = [
  pillar('MO', { details: { enrolments: 0, testAttempts: 0 } }),
  pillar('NT2', { targetLevel: 'A2', details: { referrals: 0, testResults: 0 } }),
  pillar('WORK'),
  pillar('PARTICIPATION', { hours: 0, targetHours: 40, details: { activities: 0 } }),
];

const contractSigned: NextActionsInput = {
  ...intakeDone,
  phase: 'CONTRACT_SIGNED',
  contractSignedOn: '2025-04-15',
  deadlines: [{ kind: 'VDAB_REGISTRATION', dueOn: '2025-06-15', state: 'OPEN' }],
  pillars: freshPillars,
};

function withPillar(name: string, overrides: Partial<NextActionsPillar>): NextActionsInput {
  return {
    ...contractSigned,
    pillars: freshPillars.map((candidate) =>
      candidate.pillar === name ? { ...candidate, ...overrides } : candidate,
    ),
  };
}

const codes = (input: NextActionsInput, today?: string): NextActionCode[] =>
  nextActions(input, { today }).map((next) => next.action);

describe('nextActions', () => {
  it.each<[string, NextActionsInput, NextActionCode[]]>([
    ['registered: the intake', registered, ['RECORD_INTAKE']],
    ['intake done: the contract', intakeDone, ['SIGN_CONTRACT']],
    [
      'contract signed: the VDAB deadline first, then the pillars in order',
      contractSigned,
      ['REGISTER_WITH_VDAB', 'ENROL_IN_MO_COURSE', 'REFER_TO_NT2_COURSE', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'enrolled in MO: take the test',
      withPillar('MO', { status: 'IN_PROGRESS', details: { enrolments: 1, testAttempts: 0 } }),
      ['REGISTER_WITH_VDAB', 'TAKE_MO_TEST', 'REFER_TO_NT2_COURSE', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'referred to NT2: enrol in the course',
      withPillar('NT2', { status: 'IN_PROGRESS', details: { referrals: 1, enrolments: 0, testResults: 0 } }),
      ['REGISTER_WITH_VDAB', 'ENROL_IN_MO_COURSE', 'ENROL_IN_NT2_COURSE', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'enrolled in NT2: take the test',
      withPillar('NT2', { status: 'IN_PROGRESS', details: { referrals: 1, enrolments: 1, testResults: 0 } }),
      ['REGISTER_WITH_VDAB', 'ENROL_IN_MO_COURSE', 'TAKE_NT2_TEST', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'referred to NT2 and tested before enrolments were recorded: take the test',
      withPillar('NT2', { status: 'IN_PROGRESS', details: { referrals: 1, testResults: 1 } }),
      ['REGISTER_WITH_VDAB', 'ENROL_IN_MO_COURSE', 'TAKE_NT2_TEST', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'completed and waived pillars drop out',
      {
        ...contractSigned,
        deadlines: [],
        pillars: [
          pillar('MO', { status: 'COMPLETED' }),
          pillar('NT2', { status: 'WAIVED' }),
          pillar('WORK', { status: 'COMPLETED' }),
          pillar('PARTICIPATION', { status: 'IN_PROGRESS', hours: 12, targetHours: 40 }),
        ],
      },
      ['LOG_PARTICIPATION_HOURS'],
    ],
    [
      'optional and not applicable pillars are not proposed',
      {
        ...contractSigned,
        deadlines: [],
        pillars: [
          pillar('MO', { status: 'COMPLETED' }),
          pillar('NT2', { status: 'COMPLETED' }),
          pillar('WORK', { applicability: 'NOT_APPLICABLE' }),
          pillar('PARTICIPATION', { applicability: 'OPTIONAL', hours: 0, targetHours: 40 }),
        ],
      },
      [],
    ],
    [
      'WORK still open after a missed VDAB deadline: register, without a due date',
      { ...contractSigned, deadlines: [{ kind: 'VDAB_REGISTRATION', dueOn: '2025-06-15', state: 'MISSED' }] },
      ['ENROL_IN_MO_COURSE', 'REFER_TO_NT2_COURSE', 'REGISTER_WITH_VDAB', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'pillars listed out of order come back in the order MO, NT2, WORK, PARTICIPATION',
      { ...contractSigned, deadlines: [], pillars: [...freshPillars].reverse() },
      ['ENROL_IN_MO_COURSE', 'REFER_TO_NT2_COURSE', 'REGISTER_WITH_VDAB', 'LOG_PARTICIPATION_HOURS'],
    ],
    [
      'open violation files come after the deadlines and before the main line, one per file',
      {
        ...intakeDone,
        deadlines: [{ kind: 'AGENCY_REGISTRATION', dueOn: '2025-03-01', state: 'MISSED' }],
        violations: [
          { state: 'OPEN', violationId: 't:violation:1', kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED' },
          { state: 'DECIDED', violationId: 't:violation:2' },
          { state: 'OPEN', violationId: 't:violation:3', kind: 'REFUSAL_TO_SIGN' },
        ],
      },
      ['DECIDE_VIOLATION', 'DECIDE_VIOLATION', 'SIGN_CONTRACT'],
    ],
    [
      'suspended: resume first, then the files to decide; nothing else runs',
      {
        ...contractSigned,
        status: 'SUSPENDED',
        suspendedFrom: '2025-05-01',
        deadlines: [{ kind: 'VDAB_REGISTRATION', dueOn: '2025-06-15', state: 'SUSPENDED' }],
        violations: [{ state: 'OPEN', violationId: 't:violation:1' }],
      },
      ['RESUME_TRAJECTORY', 'DECIDE_VIOLATION'],
    ],
    ['closed: nothing', { ...contractSigned, status: 'CLOSED' }, []],
    [
      'attest issued, no follow-up track: nothing',
      { ...contractSigned, phase: 'ATTEST_ISSUED', deadlines: [] },
      [],
    ],
    [
      'an attest on the view, no follow-up track: nothing',
      { ...contractSigned, attest: { attestNumber: 'ATT-1' }, deadlines: [] },
      [],
    ],
    [
      'attest issued, in the follow-up track: prove B1 oral by its deadline, no pillar actions',
      {
        ...contractSigned,
        phase: 'ATTEST_ISSUED',
        deadlines: [{ kind: 'FOLLOW_UP_B1_ORAL', dueOn: '2028-06-15', state: 'OPEN' }],
      },
      ['PROVE_B1_ORAL'],
    ],
    [
      'a Brussels resident registers with Actiris, not VDAB',
      {
        ...contractSigned,
        deadlines: [{ kind: 'ACTIRIS_REGISTRATION', dueOn: '2026-06-30', state: 'OPEN' }],
        pillars: [
          {
            pillar: 'WORK',
            applicability: 'REQUIRED',
            status: 'NOT_STARTED',
            applicabilityReason: 'Actiris registration within 2 months',
          },
        ],
      },
      ['REGISTER_WITH_ACTIRIS'],
    ],
    [
      'target group unknown before the intake: the facts after the intake',
      { ...registered, targetGroup: null },
      ['RECORD_INTAKE', 'RECORD_TARGET_GROUP_FACTS'],
    ],
    [
      'target group UNDETERMINED after the intake: the facts before the contract that settles them',
      { ...intakeDone, targetGroup: { status: 'UNDETERMINED' } },
      ['RECORD_TARGET_GROUP_FACTS', 'SIGN_CONTRACT'],
    ],
    [
      'target group determined: no facts asked',
      { ...intakeDone, targetGroup: { status: 'OBLIGED' } },
      ['SIGN_CONTRACT'],
    ],
    [
      'target group still unknown once the contract is signed: not asked (the facts are settled)',
      { ...contractSigned, deadlines: [], pillars: [], targetGroup: { status: 'UNDETERMINED' } },
      [],
    ],
  ])('%s', (_case, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('orders open deadlines by due date and carries the due date; met, missed and waived ones are not listed', () => {
    const input: NextActionsInput = {
      ...contractSigned,
      pillars: [],
      deadlines: [
        { kind: 'VDAB_REGISTRATION', dueOn: '2025-06-15', state: 'OPEN' },
        { kind: 'AGENCY_REGISTRATION', dueOn: '2025-05-01', state: 'OPEN' },
        { kind: 'SOMETHING_ELSE', dueOn: '2025-01-01', state: 'MET' },
        { kind: 'SOMETHING_ELSE', dueOn: '2025-01-02', state: 'WAIVED' },
      ],
    };

    expect(nextActions(input).map(({ action, dueOn }) => ({ action, dueOn }))).toEqual([
      { action: 'MEET_DEADLINE', dueOn: '2025-05-01' },
      { action: 'REGISTER_WITH_VDAB', dueOn: '2025-06-15' },
    ]);
  });

  it.each([
    ['2025-06-14', 'Register the newcomer with VDAB: due by 2025-06-15', 'REGISTER_WITH_VDAB_DUE'],
    ['2025-06-15', 'Register the newcomer with VDAB: due by 2025-06-15', 'REGISTER_WITH_VDAB_DUE'],
    [
      '2025-06-16',
      'Register the newcomer with VDAB: was due on 2025-06-15 (overdue)',
      'REGISTER_WITH_VDAB_OVERDUE',
    ],
  ])('on %s describes the VDAB deadline as "%s" (%s)', (today, description, key) => {
    expect(nextActions(contractSigned, { today })[0]).toEqual({
      action: 'REGISTER_WITH_VDAB',
      key,
      params: { dueOn: '2025-06-15' },
      description,
      dueOn: '2025-06-15',
    });
  });

  it.each<[string, Partial<NextActionsPillar>, string]>([
    ['counts', { hours: 12.5, targetHours: 40 }, '12.5 of 40 hours done, 27.5 to go'],
    [
      'numeric strings from the database',
      { hours: '38.00', targetHours: '40.00' },
      '38 of 40 hours done, 2 to go',
    ],
    ['more hours than the target', { hours: 42, targetHours: 40 }, '42 of 40 hours done, 0 to go'],
  ])('describes the participation hours from %s', (_case, overrides, text) => {
    const participation = nextActions({ ...withPillar('PARTICIPATION', overrides), deadlines: [] }).find(
      (next) => next.action === 'LOG_PARTICIPATION_HOURS',
    );

    expect(participation?.description).toContain(text);
    expect(participation?.dueOn).toBeUndefined();
  });

  it('reads pillar details given as lists as well as counts', () => {
    const listed = withPillar('MO', {
      status: 'IN_PROGRESS',
      details: { enrolments: [{ provider: 'AGII' }], testAttempts: [{ passed: false }, { passed: false }] },
    });

    expect(nextActions(listed).find((next) => next.action === 'TAKE_MO_TEST')?.description).toBe(
      'The newcomer takes the standardised MO test; 2 attempts not passed so far',
    );
  });

  it('names the NT2 target level and the violation file', () => {
    const input: NextActionsInput = {
      ...contractSigned,
      violations: [{ state: 'OPEN', violationId: 't:violation:1', kind: 'IRREGULAR_ATTENDANCE' }],
    };
    const descriptions = nextActions(input).map((next) => next.description);

    expect(descriptions).toContain('Refer the newcomer to a Dutch (NT2) course (target A2)');
    expect(descriptions).toContain(
      'Decide on the violation file t:violation:1 (IRREGULAR_ATTENDANCE): fine or no fine',
    );
  });

  it('mentions since when a trajectory is suspended', () => {
    expect(nextActions({ ...registered, status: 'SUSPENDED', suspendedFrom: '2025-05-01' })).toEqual([
      {
        action: 'RESUME_TRAJECTORY',
        key: 'RESUME_TRAJECTORY_SUSPENDED_SINCE',
        params: { suspendedFrom: '2025-05-01' },
        description:
          'Resume the trajectory suspended since 2025-05-01; its deadlines and pillars wait until then',
      },
    ]);
  });

  it('gives every action a wording key whose parameters are exactly the ones the key names', () => {
    const inputs: NextActionsInput[] = [
      registered,
      { ...registered, targetGroup: null },
      { ...registered, targetGroup: { status: 'UNDETERMINED' } },
      { ...registered, status: 'SUSPENDED' },
      { ...registered, status: 'SUSPENDED', suspendedFrom: '2025-05-01' },
      { ...registered, phase: 'INTAKE_DONE', intakeOn: '2025-04-01' },
      { ...registered, phase: 'INTAKE_DONE' },
      contractSigned,
      { ...contractSigned, pillars: [...freshPillars] },
      {
        ...contractSigned,
        violations: [{ state: 'OPEN', violationId: 'file-1', kind: 'REFUSAL_TO_SIGN' }, { state: 'OPEN' }],
      },
    ];
    const produced = inputs.flatMap((input) => [
      ...nextActions(input, { today: '2025-06-01' }),
      ...nextActions(input, { today: '2026-01-01' }),
    ]);
    expect(produced.length).toBeGreaterThan(10);
    for (const action of produced) {
      expect({ key: action.key, params: Object.keys(action.params).sort() }).toEqual({
        key: action.key,
        params: [...NEXT_ACTION_KEYS[action.key]].sort(),
      });
      expect(action.key.startsWith(action.action) || action.action === 'RECORD_TARGET_GROUP_FACTS').toBe(
        true,
      );
    }
  });

  it('lists each action code once, whatever the pillars repeat', () => {
    const input: NextActionsInput = { ...contractSigned, pillars: [...freshPillars, ...freshPillars] };
    const listed = codes(input);

    expect(new Set(listed).size).toBe(listed.length);
  });
});
