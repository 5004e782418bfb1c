import { TrajectoryCommand } from '../commands';
import { decide } from '../decide';
import { RejectionCode } from '../rejection';
import {
  acceptedEvents,
  adjustNt2Target,
  contractSignedWith,
  expectedEvent,
  History,
  NOW,
  recordNt2TestResult,
  referToNt2Course,
  rejectionOf,
  run,
  trajectoryAt,
  waivePillar,
} from '../trajectory.fixtures';

const at = { now: NOW };

/** Contract 2026-04-30 (policy 2023, NT2 target A2), the intake found a low-literate learner; referred on 2026-05-04. */
const lowLiterate = (literacy: 'LOW_LITERATE' | 'ILLITERATE' = 'LOW_LITERATE'): History =>
  run([referToNt2Course('2026-05-04', 'A1')], NOW, contractSignedWith({ profile: { literacy } }));

describe('AdjustNt2Target: the adjusted path for illiterate and low-literate learners', () => {
  it('lowers the target for this learner and keeps where it came from', () => {
    expect(
      acceptedEvents(
        decide(lowLiterate().state, adjustNt2Target('2026-06-01', 'A1', '  slow progress  '), at),
      ),
    ).toEqual([
      expectedEvent('Nt2TargetAdjusted', {
        targetLevel: 'A1',
        previousTargetLevel: 'A2',
        adjustedOn: '2026-06-01',
        reason: 'slow progress',
      }),
    ]);
    const { state } = run(
      [adjustNt2Target('2026-06-01', 'A1', 'slow progress')],
      NOW,
      lowLiterate('ILLITERATE'),
    );
    expect(state.pillars?.NT2).toMatchObject({
      targetLevel: 'A1',
      targetAdjustment: { from: 'A2', adjustedOn: '2026-06-01', reason: 'slow progress' },
      status: 'IN_PROGRESS',
    });
  });

  it('completes the pillar when a test already passed reaches the new target', () => {
    const passedA1 = run([recordNt2TestResult('2026-05-28', 'A1', true)], NOW, lowLiterate());
    expect(passedA1.state.pillars?.NT2.status).toBe('IN_PROGRESS');
    const events = acceptedEvents(decide(passedA1.state, adjustNt2Target('2026-06-01'), at));
    expect(events.map((event) => event.type)).toEqual(['Nt2TargetAdjusted', 'PillarCompleted']);
    expect(events[1].data).toEqual({
      pillar: 'NT2',
      completedOn: '2026-05-28',
      condition: 'NT2 test passed at A1 on 2026-05-28 (target A1)',
    });
    const { state } = run([adjustNt2Target('2026-06-01')], NOW, passedA1);
    expect(state.pillars?.NT2.certificate).toEqual({ level: 'A1', obtainedOn: '2026-05-28' });
  });

  it.each<[string, History, TrajectoryCommand, RejectionCode, string | undefined, string]>([
    [
      'a literate learner',
      contractSignedWith({ profile: { literacy: 'LITERATE' } }),
      adjustNt2Target('2026-06-01'),
      'RULE_VIOLATION',
      undefined,
      'an adjusted NT2 target is for illiterate and low-literate learners (seed 003 l.1109-1117); the intake recorded LITERATE',
    ],
    [
      'an intake without a literacy profile',
      trajectoryAt('CONTRACT_SIGNED'),
      adjustNt2Target('2026-06-01'),
      'RULE_VIOLATION',
      undefined,
      'an adjusted NT2 target is for illiterate and low-literate learners (seed 003 l.1109-1117); the intake recorded no literacy',
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

  it('a second adjustment lowers further, never back up', () => {
    const toA1 = run([adjustNt2Target('2026-06-01', 'A1')], NOW, lowLiterate());
    expect(rejectionOf(decide(toA1.state, adjustNt2Target('2026-06-02', 'A2'), at)).field).toBe(
      'targetLevel',
    );
    expect(rejectionOf(decide(toA1.state, adjustNt2Target('2026-06-02', 'A1'), at)).message).toBe(
      'targetLevel must be below the current target A1: the adjusted path lowers it',
    );
  });
});
