import { expireDeadlines } from '../deadline-expiry';
import { decide } from '../decide';
import { TrajectoryCommand } from '../commands';
import { TargetGroupFacts } from '../../target-group/target-group-facts';
import {
  acceptedEvents,
  contractSignedWith,
  enrolInMoCourse,
  History,
  NOW,
  OBLIGED_FACTS,
  overrideTargetGroup,
  recordMoTestResult,
  openTrajectory,
  recordContract,
  recordIntake,
  transferTrajectory,
  recordNt2TestResult,
  recordVdabRegistration,
  referToNt2Course,
  rejectionOf,
  run,
  TODAY,
  thirdCountryNewcomerFacts,
} from '../trajectory.fixtures';

const at = { now: NOW };
const types = (events: readonly { type: string }[]) => events.map((event) => event.type);

/** Contract 2026-04-30 (policy 2023), working (participation optional): MO, NT2 and VDAB complete the attest. */
const signed = (facts?: TargetGroupFacts, ...before: TrajectoryCommand[]): History =>
  run(
    before,
    NOW,
    contractSignedWith({ profile: { working: true }, ...(facts ? { targetGroupFacts: facts } : {}) }),
  );
const ALL_BUT_NT2: TrajectoryCommand[] = [
  enrolInMoCourse('2026-05-01'),
  recordMoTestResult('2026-05-20', true),
  recordVdabRegistration('2026-05-10'),
  referToNt2Course('2026-05-04'),
];
const LAST = recordNt2TestResult('2026-06-01', 'A2', true);
const attested = (facts?: TargetGroupFacts): History => run([LAST], NOW, signed(facts, ...ALL_BUT_NT2));
const b1 = (takenOn: string, passed = true): TrajectoryCommand => ({
  type: 'RecordFollowUpTestResult',
  level: 'B1',
  takenOn,
  passed,
});

describe('the follow-up track: B1 oral within 24 months after the attest', () => {
  it('starts with the attest of a newcomer obliged since 1 March 2022: the trajectory stays open', () => {
    const events = acceptedEvents(decide(signed(OBLIGED_FACTS, ...ALL_BUT_NT2).state, LAST, at));
    expect(types(events).slice(-3)).toEqual(['AttestIssued', 'FollowUpStarted', 'DeadlineSet']);
    expect(events.at(-2)?.data).toMatchObject({
      startedOn: TODAY,
      targetLevel: 'B1',
      skills: ['LISTENING', 'SPEAKING'],
      dueOn: '2028-06-15',
      policyVersion: '2023',
    });
    expect(events.at(-1)?.data).toMatchObject({
      kind: 'FOLLOW_UP_B1_ORAL',
      dueOn: '2028-06-15',
      anchor: 'ATTEST',
      anchorOn: TODAY,
    });
    const { state } = attested(OBLIGED_FACTS);
    expect(state).toMatchObject({
      status: 'OPEN',
      phase: 'ATTEST_ISSUED',
      followUp: { dueOn: '2028-06-15' },
    });
  });

  it.each<[string, TargetGroupFacts | undefined]>([
    ['obliged before 1 March 2022', thirdCountryNewcomerFacts('2022-02-01')],
    ['of unknown target group', undefined],
  ])('no follow-up track for a newcomer %s: the attest closes the trajectory', (_label, facts) => {
    const events = acceptedEvents(decide(signed(facts, ...ALL_BUT_NT2).state, LAST, at));
    expect(types(events).slice(-2)).toEqual(['AttestIssued', 'TrajectoryClosed']);
  });

  it('no follow-up track for an entitled newcomer', () => {
    const entitled = run([
      openTrajectory({ targetGroupFacts: OBLIGED_FACTS }),
      overrideTargetGroup({ status: 'ENTITLED' }, 'first stay in 2019'),
      recordIntake('2026-03-16', { working: true }),
      recordContract('2026-04-30'),
      ...ALL_BUT_NT2,
    ]);
    expect(types(acceptedEvents(decide(entitled.state, LAST, at))).slice(-2)).toEqual([
      'AttestIssued',
      'TrajectoryClosed',
    ]);
  });

  it('during the follow-up track only its result and what can happen at any point are accepted', () => {
    const { state } = attested(OBLIGED_FACTS);
    expect(rejectionOf(decide(state, enrolInMoCourse('2026-06-15'), at))).toMatchObject({
      code: 'INVALID_STATE',
      message: `the attest was issued on ${TODAY}; the trajectory is in its follow-up track`,
    });
  });

  it('a pass at B1 meets the deadline and completes the trajectory; a fail does not', () => {
    const history = attested(OBLIGED_FACTS);
    expect(types(acceptedEvents(decide(history.state, b1(TODAY, false), at)))).toEqual(['FollowUpTestTaken']);
    expect(
      types(acceptedEvents(decide(history.state, { ...b1(TODAY), level: 'A2' } as TrajectoryCommand, at))),
    ).toEqual(['FollowUpTestTaken']);
    const events = acceptedEvents(decide(history.state, b1(TODAY), at));
    expect(types(events)).toEqual(['FollowUpTestTaken', 'DeadlineMet', 'TrajectoryClosed']);
    expect(events[2].data).toMatchObject({ reason: 'FOLLOW_UP_COMPLETED', closedOn: TODAY });
    expect(rejectionOf(decide(history.state, b1('2026-06-14'), at))).toMatchObject({ field: 'takenOn' });
  });

  it('a missed follow-up deadline opens a violation file for an obliged newcomer', () => {
    const { state } = attested(OBLIGED_FACTS);
    const expired = expireDeadlines(state, Date.parse('2028-06-15T22:00:00Z'));
    expect(types(expired)).toEqual(['DeadlineMissed', 'ViolationOpened']);
    expect(expired[1].data).toMatchObject({ kind: 'FOLLOW_UP_DEADLINE_MISSED' });
  });

  it('a move to Brussels ends the obligation: the follow-up deadline is waived', () => {
    const { state } = attested(OBLIGED_FACTS);
    const toBrussels = transferTrajectory('AGII', TODAY, undefined, {
      municipality: 'Brussel',
      nisCode: '21004',
    });
    const events = acceptedEvents(decide(state, toBrussels, at));
    expect(types(events)).toEqual(['TrajectoryTransferred', 'NewcomerMoved', 'DeadlineWaived']);
    expect(events[2].data).toMatchObject({ kind: 'FOLLOW_UP_B1_ORAL' });
    const moved = run([toBrussels], NOW, attested(OBLIGED_FACTS));
    expect(expireDeadlines(moved.state, Date.parse('2028-06-15T22:00:00Z'))).toEqual([]);
  });

  it('the commands of the follow-up track are refused without one', () => {
    expect(rejectionOf(decide(signed(OBLIGED_FACTS).state, b1(TODAY), at))).toMatchObject({
      code: 'INVALID_STATE',
      message: 'the trajectory has no follow-up track',
    });
  });
});

describe('the declaration of effort (verklaring van geleverde inspanning)', () => {
  const declaration = (reason = 'limited learning capacity: three NT2 courses without progress') => ({
    type: 'RecordDeclarationOfEffort' as const,
    issuedOn: TODAY,
    reason,
  });

  it('a counsellor records it with its reason instead of the attest; it ends the trajectory, no follow-up track', () => {
    const history = signed(OBLIGED_FACTS, ...ALL_BUT_NT2);
    const events = acceptedEvents(decide(history.state, declaration(), at));
    expect(types(events)).toEqual(['DeclarationOfEffortIssued', 'TrajectoryClosed']);
    expect(events[0].data).toMatchObject({
      issuedOn: TODAY,
      reason: 'limited learning capacity: three NT2 courses without progress',
      policyVersion: '2023',
      source: expect.stringMatching(/^Verplichting tot inburgering §Attest: /),
    });
    expect(events[1].data).toMatchObject({ reason: 'DECLARATION_OF_EFFORT' });
    const { state } = run([declaration()], NOW, history);
    expect(state).toMatchObject({ status: 'CLOSED', declarationOfEffort: { issuedOn: TODAY } });
    expect(state.followUp).toBeUndefined();
    expect(state.attest).toBeUndefined();
  });

  it('needs a reason, a contract, no attest, and a policy version that has it', () => {
    const history = signed(OBLIGED_FACTS);
    expect(rejectionOf(decide(history.state, declaration('  '), at))).toMatchObject({ field: 'reason' });
    expect(
      rejectionOf(
        decide(
          run(
            [],
            NOW,
            contractSignedWith({
              registeredOn: '2019-01-07',
              intakeOn: '2019-01-21',
              signedOn: '2019-02-04',
            }),
          ).state,
          declaration(),
          at,
        ),
      ),
    ).toMatchObject({ code: 'RULE_VIOLATION', message: 'policy 2016 has no declaration of effort' });
    expect(rejectionOf(decide(attested(OBLIGED_FACTS).state, declaration(), at))).toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});
