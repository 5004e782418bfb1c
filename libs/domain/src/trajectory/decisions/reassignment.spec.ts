import { decide } from '../decide';
import { fold } from '../state';
import {
  acceptedEvents,
  expectedEvent,
  NOW,
  openTrajectory,
  rejectionOf,
  run,
  suspendTrajectory,
  TODAY,
  trajectoryAt,
  transferTrajectory,
} from '../trajectory.fixtures';
import type { ReassignCounsellor } from '../commands';

const at = { now: NOW };
const reassign = (toCounsellorId: string, reassignedOn?: string): ReassignCounsellor => ({
  type: 'ReassignCounsellor',
  toCounsellorId,
  ...(reassignedOn === undefined ? {} : { reassignedOn }),
});

describe('ReassignCounsellor', () => {
  it('hands the case to another counsellor of the agency, naming both, and the fold takes the new one', () => {
    const history = trajectoryAt('CONTRACT_SIGNED');
    const events = acceptedEvents(decide(history.state, reassign('counsellor-gent-2', '2026-06-10'), at));
    expect(events).toEqual([
      expectedEvent('CounsellorReassigned', {
        fromCounsellorId: 'counsellor-7',
        toCounsellorId: 'counsellor-gent-2',
        reassignedOn: '2026-06-10',
      }),
    ]);
    const state = fold(events, history.state)!;
    expect(state.counsellorId).toBe('counsellor-gent-2');
    expect(state.agency).toBe(history.state.agency);
    expect(state.version).toBe(history.state.version + 1);
  });

  it('dates the reassignment today when no date is given, and assigns a case that had no counsellor', () => {
    const { state } = run([openTrajectory({ counsellorId: undefined })]);
    expect(acceptedEvents(decide(state, reassign('counsellor-gent-2'), at))).toEqual([
      expectedEvent('CounsellorReassigned', { toCounsellorId: 'counsellor-gent-2', reassignedOn: TODAY }),
    ]);
  });

  it('refuses a closed trajectory (409 state), whatever the target', () => {
    const { state } = trajectoryAt('CLOSED');
    expect(rejectionOf(decide(state, reassign('counsellor-gent-2'), at))).toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('refuses the counsellor the case already has, naming the field', () => {
    const { state } = trajectoryAt('INTAKE_DONE');
    expect(rejectionOf(decide(state, reassign('counsellor-7'), at))).toEqual({
      code: 'RULE_VIOLATION',
      field: 'toCounsellorId',
      message: 'the case is already assigned to counsellor-7',
    });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['with a space', 'counsellor gent'],
    ['too long', 'c'.repeat(101)],
  ])('refuses a target id that is %s', (_what, toCounsellorId) => {
    const { state } = trajectoryAt('REGISTERED');
    expect(rejectionOf(decide(state, reassign(toCounsellorId), at))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'toCounsellorId',
    });
  });

  it('refuses a date in the future, before the registration or before the last transfer', () => {
    const history = trajectoryAt('CONTRACT_SIGNED');
    expect(rejectionOf(decide(history.state, reassign('c-2', '2026-06-16'), at))).toMatchObject({
      code: 'RULE_VIOLATION',
      field: 'reassignedOn',
    });
    expect(rejectionOf(decide(history.state, reassign('c-2', '2026-03-01'), at))).toMatchObject({
      code: 'RULE_VIOLATION',
      field: 'reassignedOn',
    });
    const transferred = run([transferTrajectory('ATLAS', '2026-06-01', 'counsellor-12')], NOW, history);
    expect(rejectionOf(decide(transferred.state, reassign('c-2', '2026-05-31'), at))).toMatchObject({
      code: 'RULE_VIOLATION',
      field: 'reassignedOn',
    });
    expect(acceptedEvents(decide(transferred.state, reassign('c-2', '2026-06-01'), at))).toHaveLength(1);
  });

  it('is accepted while the trajectory is suspended: a suspended case still has a counsellor', () => {
    const suspended = run([suspendTrajectory('2026-06-01')], NOW, trajectoryAt('CONTRACT_SIGNED'));
    const events = acceptedEvents(decide(suspended.state, reassign('c-2', '2026-06-02'), at));
    const state = fold(events, suspended.state)!;
    expect(state.status).toBe('SUSPENDED');
    expect(state.counsellorId).toBe('c-2');
  });

  it('leaves the deadlines as they are: only who works the case changes', () => {
    const history = trajectoryAt('CONTRACT_SIGNED');
    const state = fold(acceptedEvents(decide(history.state, reassign('c-2'), at)), history.state)!;
    expect(state.deadlines).toEqual(history.state.deadlines);
  });
});
