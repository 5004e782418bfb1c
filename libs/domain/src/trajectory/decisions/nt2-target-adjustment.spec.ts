import { withReasonsInEnglish } from '../../pillars/reason-keys.fixtures';
import { TrajectoryCommand } from '../commands';
import { decide } from '../decide';
import { RejectionCode } from '../rejection';
import { ORAL_SKILLS } from '../../policy/pillar';
import { policyVersionById } from '../../policy/policy-versions';
import { calendarDate } from '../../time/calendar-date';
import { Nt2TargetAdjusted, trajectoryEvent } from '../events';
import { fold, TrajectoryState } from '../state';
import { nt2LoweringRefusal } from './pillars';
import {
  acceptedEvents,
  adjustNt2Target,
  contractSignedWith,
  History,
  NOW,
  recordNt2TestResult,
  referToNt2Course,
  rejectionOf,
  run,
  SIGNED_UNDER,
  TODAY,
  trajectoryAt,
  waivePillar,
} from '../trajectory.fixtures';

const at = { now: NOW };

/** Contract 2026-04-30 (policy 2023, NT2 target A2), the intake found a low-literate learner; referred on 2026-05-04. */
const lowLiterate = (literacy: 'LOW_LITERATE' | 'ILLITERATE' = 'LOW_LITERATE'): History =>
  run([referToNt2Course('2026-05-04', 'A1')], NOW, contractSignedWith({ profile: { literacy } }));

describe('AdjustNt2Target and the literacy track (alfa)', () => {
  it('the literacy track is set at the contract: A2 for listening and speaking only, no counsellor needed', () => {
    expect(withReasonsInEnglish(lowLiterate('ILLITERATE').state.pillars?.NT2)).toMatchObject({
      targetLevel: 'A2',
      skills: ['LISTENING', 'SPEAKING'],
      applicabilityReason: expect.stringMatching(
        /^literacy track \(alfa\): A2 for listening and speaking only/,
      ),
    });
    expect(
      contractSignedWith({ profile: { literacy: 'LITERATE' } }).state.pillars?.NT2.skills,
    ).toBeUndefined();
  });

  it('an oral A2 test completes the literacy track; it does not complete the regular target', () => {
    const oral = { ...recordNt2TestResult('2026-05-28', 'A2', true), skills: [...ORAL_SKILLS] };
    const alfa = run([oral], NOW, lowLiterate());
    expect(alfa.state.pillars?.NT2).toMatchObject({
      status: 'COMPLETED',
      certificate: { level: 'A2', obtainedOn: '2026-05-28' },
    });
    const regular = run(
      [referToNt2Course('2026-05-04'), oral],
      NOW,
      contractSignedWith({ profile: { literacy: 'LITERATE' } }),
    );
    expect(regular.state.pillars?.NT2.status).toBe('IN_PROGRESS');
    const written = run([recordNt2TestResult('2026-06-01', 'A2', true)], NOW, regular);
    expect(written.state.pillars?.NT2.status).toBe('COMPLETED');
  });

  it.each(['2022', '2023'] as const)(
    'policy %s sets no lower level: a counsellor can no longer lower the target',
    (version) => {
      const history = run(
        [referToNt2Course(SIGNED_UNDER[version].signedOn!, 'A1')],
        NOW,
        contractSignedWith({ ...SIGNED_UNDER[version], profile: { literacy: 'LOW_LITERATE' } }),
      );
      const refusal = rejectionOf(decide(history.state, adjustNt2Target(TODAY, 'A1'), at));
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', field: 'targetLevel' });
      expect(refusal.message).toMatch(new RegExp(`^policy ${version} sets no NT2 level below`));
      expect(refusal.message).toMatch(/the literacy track is A2 for listening and speaking only/);
    },
  );

  it('a lower level is allowed only down to the level a policy version names', () => {
    const base = policyVersionById('2023');
    const withA1 = {
      ...base,
      parameters: {
        ...base.parameters,
        nt2: {
          ...base.parameters.nt2,
          lowLiterateTargetLevel: 'A1' as const,
          lowLiterateTargetLevelSource: 'test',
        },
      },
    };
    expect(nt2LoweringRefusal(withA1, 'A1')).toBeUndefined();
    expect(
      nt2LoweringRefusal(
        {
          ...withA1,
          parameters: {
            ...withA1.parameters,
            nt2: { ...withA1.parameters.nt2, lowLiterateTargetLevel: 'A2' },
          },
        },
        'A1',
      )?.message,
    ).toBe('policy 2023 allows no NT2 target below A2 (test)');
    expect(nt2LoweringRefusal(base, 'A1')?.message).toMatch(/^policy 2023 sets no NT2 level below A2/);
  });

  it('a trajectory whose target was lowered before keeps it: the recorded adjustment folds as before', () => {
    const history = lowLiterate();
    const adjusted = trajectoryEvent<Nt2TargetAdjusted>(
      'Nt2TargetAdjusted',
      {
        targetLevel: 'A1',
        previousTargetLevel: 'A2',
        adjustedOn: calendarDate('2026-06-01'),
        reason: 'slow progress',
      },
      NOW,
    );
    const state = fold([...history.events, adjusted]) as TrajectoryState;
    expect(state.pillars?.NT2).toMatchObject({
      targetLevel: 'A1',
      targetAdjustment: { from: 'A2', adjustedOn: '2026-06-01', reason: 'slow progress' },
    });
    const events = acceptedEvents(decide(state, recordNt2TestResult('2026-06-10', 'A1', true), at));
    expect(events.map((event) => event.type)).toEqual(['Nt2TestTaken', 'PillarCompleted']);
  });

  it.each<[string, History, TrajectoryCommand, RejectionCode, string | undefined, string]>([
    [
      'a literate learner',
      contractSignedWith({ profile: { literacy: 'LITERATE' } }),
      adjustNt2Target('2026-06-01'),
      'RULE_VIOLATION',
      undefined,
      'an adjusted NT2 target is for illiterate and low-literate learners (BBT 2020-2021 l.1109-1117); the intake recorded LITERATE',
    ],
    [
      'an intake without a literacy profile',
      trajectoryAt('CONTRACT_SIGNED'),
      adjustNt2Target('2026-06-01'),
      'RULE_VIOLATION',
      undefined,
      'an adjusted NT2 target is for illiterate and low-literate learners (BBT 2020-2021 l.1109-1117); the intake recorded no literacy',
    ],
    [
      'a target that is not lower',
      lowLiterate(),
      adjustNt2Target('2026-06-01', 'A2'),
      'RULE_VIOLATION',
      'targetLevel',
      'targetLevel must be below the current target A2: the adjusted path lowers it',
    ],
    [
      'an unknown level',
      lowLiterate(),
      adjustNt2Target('2026-06-01', 'A0' as 'A1'),
      'INVALID_INPUT',
      'targetLevel',
      'targetLevel must be A1, A2 or B1',
    ],
    [
      'a blank reason',
      lowLiterate(),
      adjustNt2Target('2026-06-01', 'A1', ' '),
      'INVALID_INPUT',
      'reason',
      'reason must not be empty',
    ],
    [
      'a date in the future',
      lowLiterate(),
      adjustNt2Target('2026-06-16'),
      'RULE_VIOLATION',
      'adjustedOn',
      'adjustedOn 2026-06-16 is in the future (today is 2026-06-15)',
    ],
    [
      'a waived NT2 pillar',
      run([waivePillar('NT2', '2026-05-20')], NOW, lowLiterate()),
      adjustNt2Target('2026-06-01'),
      'INVALID_STATE',
      undefined,
      'the NT2 pillar is already waived',
    ],
    [
      'a trajectory before its contract',
      trajectoryAt('INTAKE_DONE'),
      adjustNt2Target('2026-06-01'),
      'INVALID_STATE',
      undefined,
      'the pillars start when the contract is signed; record the contract first',
    ],
  ])('refuses %s', (_label, history, command, code, field, message) => {
    expect(rejectionOf(decide(history.state, command, at))).toEqual({ code, field, message });
  });
});
