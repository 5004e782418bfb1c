import { withReasonsInEnglish } from '../../pillars/reason-keys.fixtures';
import { policyVersionById } from '../../policy/policy-versions';
import { calendarDate } from '../../time/calendar-date';
import { TargetGroupFacts } from '../../target-group/target-group-facts';
import { TARGET_GROUP_RULES } from '../../target-group/target-group-rules';
import { nextDeadlineExpiry } from '../deadline-expiry';
import { decide } from '../decide';
import { TrajectoryEvent } from '../events';
import { fold, TrajectoryState } from '../state';
import {
  acceptedEvents,
  BRUSSELS_FACTS,
  contractSignedWith,
  expectedEvent,
  FIRST_VIOLATION_ID,
  History,
  newcomerBornOn,
  NOW,
  OBLIGED_FACTS,
  openTrajectory,
  overrideTargetGroup,
  recordAgencyLetter,
  recordContract,
  recordFineDecision,
  recordIntake,
  recordTargetGroupFacts,
  rejectionOf,
  run,
  thirdCountryNewcomerFacts,
  trajectoryAt,
} from '../trajectory.fixtures';

const at = (now: number = NOW) => ({ now });
const types = (events: readonly TrajectoryEvent[]) => events.map((event) => event.type);

const AGENCY_DEADLINE_ID = 'trj-0001:AGENCY_REGISTRATION';
const AGENCY_SOURCE = policyVersionById('2023').parameters.agencyRegistration.source;

/** The decision for OBLIGED_FACTS at a registration date: obliged from settling in Flanders on 2026-02-15. */
const obligedDecision = (referenceDate: string) => ({
  status: 'OBLIGED',
  referenceDate,
  rule: { id: 'OBLIGED_NEWCOMER_FIRST_STAY', source: TARGET_GROUP_RULES.OBLIGED_NEWCOMER_FIRST_STAY },
  obligationStartsOn: '2026-02-15',
});

/** The agency's registered letter, sent the day the obligation of OBLIGED_FACTS starts. */
const LETTER_ON = '2026-02-15';

/** Opened with the facts, then the agency's letter recorded (the three months run from it). */
const openedWith = (targetGroupFacts: TargetGroupFacts, registeredOn = '2026-03-02') =>
  run([openTrajectory({ registeredOn, targetGroupFacts }), recordAgencyLetter(LETTER_ON)], NOW).events;

describe('target group on OpenTrajectory', () => {
  it('an obliged newcomer registered in time: TargetGroupDetermined, the agency registration deadline set and met', () => {
    const events = openedWith(OBLIGED_FACTS);
    expect(events.slice(1)).toEqual([
      expectedEvent('TargetGroupDetermined', {
        decision: obligedDecision('2026-03-02'),
        facts: OBLIGED_FACTS,
      }),
      expectedEvent('AgencyLetterRecorded', { sentOn: LETTER_ON, sendingAgency: 'AGII' }),
      expectedEvent('DeadlineSet', {
        deadlineId: AGENCY_DEADLINE_ID,
        kind: 'AGENCY_REGISTRATION',
        dueOn: '2026-05-15',
        anchor: 'AGENCY_LETTER',
        anchorOn: LETTER_ON,
        policyVersion: '2023',
        source: AGENCY_SOURCE,
      }),
      expectedEvent('DeadlineMet', {
        deadlineId: AGENCY_DEADLINE_ID,
        kind: 'AGENCY_REGISTRATION',
        metOn: '2026-03-02',
      }),
    ]);
    expect(types(events)).toEqual([
      'TrajectoryOpened',
      'TargetGroupDetermined',
      'AgencyLetterRecorded',
      'DeadlineSet',
      'DeadlineMet',
    ]);
    const state = fold(events) as TrajectoryState;
    expect(state.targetGroup).toEqual({ derived: obligedDecision('2026-03-02'), facts: OBLIGED_FACTS });
    expect(state.deadlines).toEqual([
      {
        deadlineId: AGENCY_DEADLINE_ID,
        kind: 'AGENCY_REGISTRATION',
        dueOn: '2026-05-15',
        state: 'MET',
        metOn: '2026-03-02',
        anchor: 'AGENCY_LETTER',
        anchorOn: '2026-02-15',
        policyVersion: '2023',
        source: AGENCY_SOURCE,
      },
    ]);
    expect(state.violations).toEqual([]);
  });

  it.each([
    ['on the day the obligation starts', '2026-02-15'],
    ['on the due date itself, 3 months after the start', '2026-05-15'],
  ])('registered %s: met', (_label, registeredOn) => {
    const events = openedWith(OBLIGED_FACTS, registeredOn);
    expect(types(events)).toEqual([
      'TrajectoryOpened',
      'TargetGroupDetermined',
      'AgencyLetterRecorded',
      'DeadlineSet',
      'DeadlineMet',
    ]);
    expect(events[4].data).toEqual({
      deadlineId: AGENCY_DEADLINE_ID,
      kind: 'AGENCY_REGISTRATION',
      metOn: registeredOn,
    });
  });

  it('registered the day after the due date: the deadline is missed and a violation opened', () => {
    const events = openedWith(OBLIGED_FACTS, '2026-05-16');
    expect(events.slice(3)).toEqual([
      expectedEvent('DeadlineSet', {
        deadlineId: AGENCY_DEADLINE_ID,
        kind: 'AGENCY_REGISTRATION',
        dueOn: '2026-05-15',
        anchor: 'AGENCY_LETTER',
        anchorOn: LETTER_ON,
        policyVersion: '2023',
        source: AGENCY_SOURCE,
      }),
      expectedEvent('DeadlineMissed', {
        deadlineId: AGENCY_DEADLINE_ID,
        kind: 'AGENCY_REGISTRATION',
        dueOn: '2026-05-15',
      }),
      expectedEvent('ViolationOpened', {
        violationId: 'trj-0001:violation:1',
        kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED',
        deadlineId: AGENCY_DEADLINE_ID,
        facts: `Obliged from 2026-02-15, sent the agency's letter (AGII) on 2026-02-15, due to report to an agency by 2026-05-15, registered on 2026-05-16 (${AGENCY_SOURCE}).`,
      }),
    ]);
    const state = fold(events) as TrajectoryState;
    expect(state.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
    expect(state.violations).toEqual([
      expect.objectContaining({
        violationId: 'trj-0001:violation:1',
        kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED',
        state: 'OPEN',
      }),
    ]);
    expect(nextDeadlineExpiry(state)).toBeUndefined();
  });

  it('the obligation starting before 2016: no policy version, no deadline', () => {
    const facts = { ...OBLIGED_FACTS, firstRegisteredInBelgiumOn: '2015-10-01' } as TargetGroupFacts;
    // a first stay that started in 2015 and registered in 2015 (reference date = registration)
    const events = run(
      [
        openTrajectory({ registeredOn: '2015-11-02', targetGroupFacts: facts }),
        recordAgencyLetter('2015-10-15'),
      ],
      NOW,
    ).events;
    expect(types(events)).toEqual(['TrajectoryOpened', 'TargetGroupDetermined', 'AgencyLetterRecorded']);
    expect(events[1].data).toMatchObject({
      decision: { status: 'OBLIGED', obligationStartsOn: '2015-10-01' },
    });
  });

  it.each<[string, TargetGroupFacts, string]>([
    ['Brussels', BRUSSELS_FACTS, 'ENTITLED'],
    ['an EU national', { ...OBLIGED_FACTS, nationalityGroup: 'EU_EEA_SWISS' }, 'EXEMPT'],
    ['a Belgian or Dutch diploma', { ...OBLIGED_FACTS, belgianOrDutchDiploma: 'SECONDARY' }, 'EXEMPT'],
    ['Wallonia', { ...OBLIGED_FACTS, residenceRegion: 'WALLONIA' }, 'NOT_IN_TARGET_GROUP'],
    ['facts missing', { residenceRegion: 'FLANDERS' }, 'UNDETERMINED'],
  ])('%s: %s, no agency registration deadline', (_label, facts, status) => {
    const events = openedWith(facts);
    expect(types(events)).toEqual(['TrajectoryOpened', 'TargetGroupDetermined', 'AgencyLetterRecorded']);
    expect(events[1].data).toMatchObject({ decision: { status }, facts });
  });

  it("an obliged newcomer registered years late but without the agency's letter: no reporting deadline, no file", () => {
    const lateFacts = thirdCountryNewcomerFacts('2019-05-01');
    const events = acceptedEvents(
      decide(undefined, openTrajectory({ registeredOn: '2026-03-02', targetGroupFacts: lateFacts }), at()),
    );
    expect(types(events)).toEqual(['TrajectoryOpened', 'TargetGroupDetermined']);
    expect(events[1].data).toMatchObject({
      decision: { status: 'OBLIGED', obligationStartsOn: '2019-05-01' },
    });
    const state = fold(events) as TrajectoryState;
    expect(state.deadlines).toEqual([]);
    expect(state.violations).toEqual([]);
  });

  it('the three months run from the letter, not from the obligation: registered years after the start, in time', () => {
    const lateFacts = thirdCountryNewcomerFacts('2019-05-01');
    const { events, state } = run(
      [
        openTrajectory({ registeredOn: '2026-03-02', targetGroupFacts: lateFacts }),
        recordAgencyLetter('2026-01-10', 'ATLAS'),
      ],
      NOW,
    );
    expect(types(events).slice(2)).toEqual(['AgencyLetterRecorded', 'DeadlineSet', 'DeadlineMet']);
    expect(events[3].data).toMatchObject({
      kind: 'AGENCY_REGISTRATION',
      anchor: 'AGENCY_LETTER',
      anchorOn: '2026-01-10',
      dueOn: '2026-04-10',
    });
    expect(state.agencyLetter).toEqual({ sentOn: '2026-01-10', sendingAgency: 'ATLAS' });
    expect(state.violations).toEqual([]);
  });

  it('a letter recorded before the facts: the deadline follows once the newcomer is derived OBLIGED', () => {
    const { events } = run(
      [
        openTrajectory({ registeredOn: '2026-03-02' }),
        recordAgencyLetter(LETTER_ON),
        recordTargetGroupFacts(OBLIGED_FACTS),
      ],
      NOW,
    );
    expect(types(events)).toEqual([
      'TrajectoryOpened',
      'AgencyLetterRecorded',
      'TargetGroupDetermined',
      'DeadlineSet',
      'DeadlineMet',
    ]);
  });

  it('refuses a second letter, an unknown agency and a letter in the future', () => {
    const { state } = run(
      [openTrajectory({ targetGroupFacts: OBLIGED_FACTS }), recordAgencyLetter(LETTER_ON)],
      NOW,
    );
    expect(rejectionOf(decide(state, recordAgencyLetter('2026-02-20'), at()))).toMatchObject({
      code: 'INVALID_STATE',
    });
    const fresh = run([openTrajectory({ targetGroupFacts: OBLIGED_FACTS })], NOW).state;
    expect(rejectionOf(decide(fresh, recordAgencyLetter(LETTER_ON, 'VDAB' as never), at()))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'sendingAgency',
    });
    expect(rejectionOf(decide(fresh, recordAgencyLetter('2026-06-16'), at()))).toMatchObject({
      code: 'RULE_VIOLATION',
      field: 'sentOn',
    });
  });

  it('without target-group facts: only the opening, no target group', () => {
    const events = acceptedEvents(decide(undefined, openTrajectory(), at()));
    expect(types(events)).toEqual(['TrajectoryOpened']);
    expect(fold(events)?.targetGroup).toBeUndefined();
  });

  it('the birth date comes from the newcomer, not from the facts', () => {
    // the newcomer is 40; a stray birth date in the facts must not make them "under 18"
    const events = openedWith({ ...OBLIGED_FACTS, birthDate: '2010-01-01' } as TargetGroupFacts);
    expect(events[1].data).toMatchObject({ decision: { status: 'OBLIGED' } });
    // a newcomer of 17 is not in the target group, whatever the facts say
    const minor = acceptedEvents(
      decide(
        undefined,
        openTrajectory({ newcomer: newcomerBornOn('2008-09-01'), targetGroupFacts: OBLIGED_FACTS }),
        at(),
      ),
    );
    expect(minor[1].data).toMatchObject({
      decision: { status: 'NOT_IN_TARGET_GROUP', rule: { id: 'NOT_IN_TARGET_GROUP_UNDER_18' } },
    });
  });

  it('refuses facts dated after the registration (INVALID_INPUT on targetGroupFacts)', () => {
    const facts = { ...OBLIGED_FACTS, firstRegisteredInBelgiumOn: '2026-04-01' } as TargetGroupFacts;
    expect(rejectionOf(decide(undefined, openTrajectory({ targetGroupFacts: facts }), at()))).toEqual({
      code: 'INVALID_INPUT',
      field: 'targetGroupFacts',
      message: 'firstRegisteredInBelgiumOn 2026-04-01 is after the reference date 2026-03-02',
    });
  });
});

describe('participation follows the target group at signing (policy 2023)', () => {
  it('Brussels (ENTITLED): participation OPTIONAL', () => {
    const { state } = contractSignedWith({ targetGroupFacts: BRUSSELS_FACTS });
    expect(state.targetGroup?.derived.status).toBe('ENTITLED');
    expect(withReasonsInEnglish(state.pillars?.PARTICIPATION)).toMatchObject({
      applicability: 'OPTIONAL',
      applicabilityReason: expect.stringMatching(
        /^follows the trajectory voluntarily \(Beleidsplan 2020-2024 l\.1147-1149/,
      ),
    });
  });

  it('obliged: participation REQUIRED', () => {
    const { state } = contractSignedWith({ targetGroupFacts: OBLIGED_FACTS });
    expect(state.pillars?.PARTICIPATION.applicability).toBe('REQUIRED');
  });

  it('the recorded status counts, not the derived one: overridden to ENTITLED makes it OPTIONAL', () => {
    const { state } = run(
      [
        openTrajectory({ targetGroupFacts: OBLIGED_FACTS }),
        recordIntake('2026-03-16'),
        overrideTargetGroup(
          { status: 'ENTITLED' },
          'registered as a voluntary participant by mistake of the municipality',
        ),
        recordContract('2026-04-30'),
      ],
      NOW,
    );
    expect(state.pillars?.PARTICIPATION.applicability).toBe('OPTIONAL');
  });

  it('and the other way round: an undetermined newcomer in Flanders recorded as OBLIGED makes it REQUIRED', () => {
    const { state } = run(
      [
        openTrajectory({ targetGroupFacts: { residenceRegion: 'FLANDERS' } }),
        recordIntake('2026-03-16'),
        overrideTargetGroup({ status: 'OBLIGED', obligationStartsOn: calendarDate('2026-02-15') }),
        recordContract('2026-04-30'),
      ],
      NOW,
    );
    expect(state.targetGroup?.derived.status).toBe('UNDETERMINED');
    expect(state.pillars?.PARTICIPATION.applicability).toBe('REQUIRED');
  });
});

describe('RecordTargetGroupFacts', () => {
  const partial: TargetGroupFacts = {
    nationalityGroup: 'THIRD_COUNTRY',
    residenceRegion: 'FLANDERS',
    internationalProtection: 'NONE',
  };

  it('merges the new facts into the recorded ones and derives the status again', () => {
    const first = run(
      [recordAgencyLetter(LETTER_ON), recordTargetGroupFacts(partial)],
      NOW,
      trajectoryAt('REGISTERED'),
    );
    expect(first.state.targetGroup?.derived).toMatchObject({ status: 'UNDETERMINED' });
    expect(first.state.deadlines).toEqual([]);

    const rest: TargetGroupFacts = { ...OBLIGED_FACTS };
    delete rest.nationalityGroup;
    delete rest.residenceRegion;
    const events = acceptedEvents(decide(first.state, recordTargetGroupFacts(rest), at()));
    expect(events).toEqual([
      expectedEvent('TargetGroupDetermined', {
        decision: obligedDecision('2026-03-02'),
        facts: { ...partial, ...rest },
      }),
      expect.objectContaining({
        type: 'DeadlineSet',
        data: expect.objectContaining({ kind: 'AGENCY_REGISTRATION', dueOn: '2026-05-15' }),
      }),
      expectedEvent('DeadlineMet', {
        deadlineId: AGENCY_DEADLINE_ID,
        kind: 'AGENCY_REGISTRATION',
        metOn: '2026-03-02',
      }),
    ]);
  });

  it('a later fact overrides an earlier one (the reference date stays the registration)', () => {
    const obliged = run(
      [recordAgencyLetter(LETTER_ON), recordTargetGroupFacts(OBLIGED_FACTS)],
      NOW,
      trajectoryAt('INTAKE_DONE'),
    );
    const events = acceptedEvents(
      decide(obliged.state, recordTargetGroupFacts({ belgianOrDutchDiploma: 'HIGHER' }), at()),
    );
    // the agency registration deadline is set once and kept
    expect(types(events)).toEqual(['TargetGroupDetermined']);
    expect(events[0].data).toMatchObject({
      decision: {
        status: 'EXEMPT',
        exemptionReason: 'BELGIAN_OR_DUTCH_DIPLOMA',
        referenceDate: '2026-03-02',
      },
      facts: { ...OBLIGED_FACTS, belgianOrDutchDiploma: 'HIGHER' },
    });
    const { state } = run([recordTargetGroupFacts({ belgianOrDutchDiploma: 'HIGHER' })], NOW, obliged);
    expect(state.deadlines.map((deadline) => [deadline.kind, deadline.state])).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
    ]);
  });

  it("keeps an override: a counsellor's recorded status survives new facts", () => {
    const overridden = run(
      [recordTargetGroupFacts(OBLIGED_FACTS), overrideTargetGroup({ status: 'ENTITLED' })],
      NOW,
      trajectoryAt('INTAKE_DONE'),
    );
    expect(overridden.state.targetGroup?.override?.recorded).toEqual({ status: 'ENTITLED' });
  });

  it('is refused after the contract (INVALID_STATE)', () => {
    expect(
      rejectionOf(decide(trajectoryAt('CONTRACT_SIGNED').state, recordTargetGroupFacts(OBLIGED_FACTS), at())),
    ).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message:
        'the contract was signed on 2026-04-30; the target group is settled (grant an exemption instead)',
    });
  });

  it('refuses facts that contradict the reference date (INVALID_INPUT on facts)', () => {
    expect(
      rejectionOf(
        decide(
          trajectoryAt('REGISTERED').state,
          recordTargetGroupFacts({ movedToFlandersOn: '2026-06-01' } as TargetGroupFacts),
          at(),
        ),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      field: 'facts',
      message: 'movedToFlandersOn 2026-06-01 is after the reference date 2026-03-02',
    });
  });
});

describe('OverrideTargetGroup', () => {
  const obliged = (): History =>
    run([openTrajectory({ targetGroupFacts: OBLIGED_FACTS }), recordAgencyLetter(LETTER_ON)], NOW);

  it('never makes a Brussels newcomer obliged (Actieplan integratiebeleid l.977); other statuses may be recorded', () => {
    const brussels = run([openTrajectory({ targetGroupFacts: BRUSSELS_FACTS })], NOW);
    expect(
      rejectionOf(
        decide(
          brussels.state,
          overrideTargetGroup({ status: 'OBLIGED', obligationStartsOn: calendarDate('2026-02-15') }),
          at(),
        ),
      ),
    ).toEqual({
      code: 'RULE_VIOLATION',
      field: 'recorded',
      message:
        'a newcomer living in the Brussels-Capital Region is never obliged (Actieplan integratiebeleid l.977; Beleidsbrief 2015-2016 l.735: docs/sources.md); correct the residence region in the facts if it is wrong',
    });
    expect(
      acceptedEvents(
        decide(
          brussels.state,
          overrideTargetGroup({ status: 'EXEMPT', exemptionReason: 'AGED_65_OR_OLDER' }),
          at(),
        ),
      ).map((event) => event.type),
    ).toEqual(['TargetGroupOverridden']);
  });

  it("records the counsellor's status next to the derived one, with the reason trimmed; the fold shows both", () => {
    const history = obliged();
    const events = acceptedEvents(
      decide(
        history.state,
        overrideTargetGroup(
          { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
          '  medical certificate received  ',
        ),
        at(),
      ),
    );
    expect(events).toEqual([
      expectedEvent('TargetGroupOverridden', {
        derived: obligedDecision('2026-03-02'),
        recorded: { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
        reason: 'medical certificate received',
      }),
    ]);
    const state = fold(events, history.state) as TrajectoryState;
    expect(state.targetGroup).toEqual({
      derived: obligedDecision('2026-03-02'),
      facts: OBLIGED_FACTS,
      override: {
        recorded: { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
        reason: 'medical certificate received',
      },
    });
    // the agency registration deadline of the derived obligation stays as it was
    expect(state.deadlines.map((deadline) => [deadline.kind, deadline.state])).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
    ]);
  });

  it.each(['', '   ', undefined])('requires a reason (%p): RULE_VIOLATION on reason', (reason) => {
    expect(
      rejectionOf(
        decide(
          obliged().state,
          { type: 'OverrideTargetGroup', recorded: { status: 'ENTITLED' }, reason: reason as string },
          at(),
        ),
      ),
    ).toEqual({
      code: 'RULE_VIOLATION',
      field: 'reason',
      message: 'overriding the derived target-group status requires a reason',
    });
  });

  it('refuses the derived status itself: RULE_VIOLATION on recorded', () => {
    expect(
      rejectionOf(
        decide(
          obliged().state,
          overrideTargetGroup({ status: 'OBLIGED', obligationStartsOn: calendarDate('2026-02-15') }),
          at(),
        ),
      ),
    ).toEqual({
      code: 'RULE_VIOLATION',
      field: 'recorded',
      message: 'the derived target-group status is already OBLIGED from 2026-02-15',
    });
  });

  it('accepts a status for an UNDETERMINED derivation', () => {
    const undetermined = run([openTrajectory({ targetGroupFacts: { residenceRegion: 'FLANDERS' } })], NOW);
    expect(
      types(acceptedEvents(decide(undetermined.state, overrideTargetGroup({ status: 'ENTITLED' }), at()))),
    ).toEqual(['TargetGroupOverridden']);
  });

  it('is refused without a derived status (INVALID_STATE)', () => {
    expect(
      rejectionOf(
        decide(trajectoryAt('INTAKE_DONE').state, overrideTargetGroup({ status: 'ENTITLED' }), at()),
      ),
    ).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'no target group was derived yet; record the facts first',
    });
  });

  it('a second override replaces the first; the derived decision stays', () => {
    const { state } = run(
      [
        overrideTargetGroup({ status: 'ENTITLED' }, 'first'),
        overrideTargetGroup({ status: 'NOT_IN_TARGET_GROUP' }, 'second'),
      ],
      NOW,
      obliged(),
    );
    expect(state.targetGroup).toMatchObject({
      derived: { status: 'OBLIGED' },
      override: { recorded: { status: 'NOT_IN_TARGET_GROUP' }, reason: 'second' },
    });
  });
});

describe('the duty to report to an agency follows the status', () => {
  /** Obliged from 2025-10-01, so due to report by 2026-01-01; registered 2026-03-02: missed, file opened. */
  const lateFacts = thirdCountryNewcomerFacts('2025-10-01');
  const lateAndObliged = (): History =>
    run([openTrajectory({ targetGroupFacts: lateFacts }), recordAgencyLetter('2025-10-01')], NOW);
  const undetermined = (): History =>
    run(
      [openTrajectory({ targetGroupFacts: { residenceRegion: 'FLANDERS' } }), recordAgencyLetter(LETTER_ON)],
      NOW,
    );

  it('an undetermined newcomer recorded as OBLIGED gets the deadline, met by the registration already made', () => {
    const events = acceptedEvents(
      decide(
        undetermined().state,
        overrideTargetGroup(
          { status: 'OBLIGED', obligationStartsOn: calendarDate('2026-02-15') },
          'register extract',
        ),
        at(),
      ),
    );
    expect(events.map((event) => event.type)).toEqual([
      'TargetGroupOverridden',
      'DeadlineSet',
      'DeadlineMet',
    ]);
    expect(events[1].data).toMatchObject({
      kind: 'AGENCY_REGISTRATION',
      dueOn: '2026-05-15',
      anchor: 'AGENCY_LETTER',
      anchorOn: LETTER_ON,
    });
  });

  it('recorded as OBLIGED after a letter of long ago: the deadline is missed and a violation file opened', () => {
    const { state } = run(
      [
        overrideTargetGroup(
          { status: 'OBLIGED', obligationStartsOn: calendarDate('2025-10-01') },
          'register extract',
        ),
      ],
      NOW,
      run(
        [
          openTrajectory({ targetGroupFacts: { residenceRegion: 'FLANDERS' } }),
          recordAgencyLetter('2025-10-01'),
        ],
        NOW,
      ),
    );
    expect(state.deadlines.map((deadline) => [deadline.kind, deadline.state])).toEqual([
      ['AGENCY_REGISTRATION', 'MISSED'],
    ]);
    expect(state.violations.map((violation) => [violation.kind, violation.state])).toEqual([
      ['AGENCY_REGISTRATION_DEADLINE_MISSED', 'OPEN'],
    ]);
  });

  it('an obliged newcomer recorded as ENTITLED: the open file for late registration is withdrawn', () => {
    const late = lateAndObliged();
    expect(late.state.violations.map((violation) => violation.state)).toEqual(['OPEN']);
    const events = acceptedEvents(
      decide(
        late.state,
        overrideTargetGroup({ status: 'ENTITLED' }, 'first stay was in 2019, not obliged'),
        at(),
      ),
    );
    expect(events.map((event) => event.type)).toEqual(['TargetGroupOverridden', 'ViolationWithdrawn']);
    expect(events[1].data).toEqual({
      violationId: 'trj-0001:violation:1',
      reason:
        'not obliged to report to an agency: recorded as ENTITLED by the counsellor (first stay was in 2019, not obliged)',
    });
    const { state } = run([overrideTargetGroup({ status: 'ENTITLED' }, 'first stay in 2019')], NOW, late);
    expect(state.violations.map((violation) => violation.state)).toEqual(['WITHDRAWN']);
    expect(state.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
  });

  it('new facts that derive another status withdraw the open file too; recorded as OBLIGED again, no second file', () => {
    const corrected = run(
      [recordTargetGroupFacts({ ...lateFacts, residenceRegion: 'BRUSSELS' })],
      NOW,
      lateAndObliged(),
    );
    expect(corrected.events.slice(-2).map((event) => event.type)).toEqual([
      'TargetGroupDetermined',
      'ViolationWithdrawn',
    ]);
    const back = run([recordTargetGroupFacts(lateFacts)], NOW, corrected);
    expect(back.events.at(-1)?.type).toBe('TargetGroupDetermined');
    expect(back.state.violations.map((violation) => violation.state)).toEqual(['WITHDRAWN']);
  });

  it('a file the enforcement officer already decided stays decided', () => {
    const decided = run(
      [recordFineDecision(FIRST_VIOLATION_ID, 'FINE', '2026-06-15', 100)],
      NOW,
      lateAndObliged(),
    );
    const events = acceptedEvents(
      decide(decided.state, overrideTargetGroup({ status: 'ENTITLED' }, 'first stay in 2019'), at()),
    );
    expect(events.map((event) => event.type)).toEqual(['TargetGroupOverridden']);
  });
});
