import { residenceRegionOf } from '../enforcement/violation-file-eligibility';
import { ParameterisedPolicyVersion, policyVersionById } from '../policy/policy-versions';
import { obligedSince } from '../trajectory/decisions/target-group';
import { addMonths, CalendarDate } from '../time/calendar-date';
import {
  AttestIssued,
  DeadlineSet,
  FollowUpStarted,
  PillarCompleted,
  TrajectoryClosed,
  TrajectoryEvent,
  trajectoryEvent,
} from '../trajectory/events';
import { TrajectoryState } from '../trajectory/state';
import {
  applicabilityReasonOf,
  nt2TargetMet,
  ParticipationActivity,
  Pillar,
  pillarSatisfied,
  PillarStates,
} from './pillar-state';

/**
 * What follows by itself from the facts: a pillar whose condition is met is completed, and when every pillar
 * the trajectory's policy version requires is satisfied the attest is issued (Beleidsbrief 2015-2016 l.135-137; from 2022
 * also the VDAB and participation conditions that apply) and the trajectory is complete.
 */
export function pillarCompletions(state: TrajectoryState, now: number): PillarCompleted[] {
  const pillars = state.pillars;
  if (!pillars) return [];
  const completions: { pillar: Pillar; condition: string; on: CalendarDate }[] = [];
  const open = (pillar: Pillar) =>
    pillars[pillar].applicability !== 'NOT_APPLICABLE' &&
    pillars[pillar].status !== 'COMPLETED' &&
    pillars[pillar].status !== 'WAIVED';

  const passedMo = pillars.MO.testAttempts.find((attempt) => attempt.passed);
  if (open('MO') && passedMo)
    completions.push({
      pillar: 'MO',
      on: passedMo.takenOn,
      condition: `MO test passed on ${passedMo.takenOn}`,
    });

  const certificate = pillars.NT2.testResults.find((result) => nt2TargetMet(result, pillars.NT2));
  if (open('NT2') && certificate) {
    completions.push({
      pillar: 'NT2',
      on: certificate.takenOn,
      condition: `NT2 test passed at ${certificate.level} on ${certificate.takenOn} (target ${pillars.NT2.targetLevel})`,
    });
  }

  if (open('WORK') && state.vdabRegistration) {
    completions.push({
      pillar: 'WORK',
      on: state.vdabRegistration.registeredOn,
      condition: `registered with VDAB on ${state.vdabRegistration.registeredOn} (${state.vdabRegistration.vdabClientReference})`,
    });
  }

  const participation = pillars.PARTICIPATION;
  const targetReachedOn =
    participation.targetHours > 0
      ? hoursReachedOn(participation.activities, participation.targetHours)
      : undefined;
  if (open('PARTICIPATION') && targetReachedOn) {
    completions.push({
      pillar: 'PARTICIPATION',
      on: targetReachedOn,
      condition: `${participation.hours} of ${participation.targetHours} participation hours in ${participation.activities.length} activities`,
    });
  }
  return completions.map(({ pillar, condition, on }) =>
    trajectoryEvent<PillarCompleted>('PillarCompleted', { pillar, completedOn: on, condition }, now),
  );
}

/**
 * The day the participation hours reached the target: the end of the activity with which they did, counting the
 * activities in the order they ended (a municipality may log them late or out of order). Undefined below the target.
 */
function hoursReachedOn(
  activities: readonly ParticipationActivity[],
  targetHours: number,
): CalendarDate | undefined {
  let hours = 0;
  for (const activity of [...activities].sort((a, b) =>
    a.endedOn < b.endedOn ? -1 : a.endedOn > b.endedOn ? 1 : 0,
  )) {
    hours += activity.hours;
    if (hours >= targetHours) return activity.endedOn;
  }
  return undefined;
}

export function attestIfDue(state: TrajectoryState, today: CalendarDate, now: number): TrajectoryEvent[] {
  if (!state.pillars || !state.contract || state.attest || state.status !== 'OPEN') return [];
  const policy = policyVersionById(state.contract.policyVersion);
  const { requiredPillars, requiredWhenApplicable } = policy.parameters.attest;
  const considered = [...requiredPillars, ...requiredWhenApplicable];
  if (!considered.every((pillar) => pillarSatisfied(state.pillars![pillar]))) return [];
  const conditions = considered.map((pillar) => describeCondition(pillar, state.pillars!));
  const attest = trajectoryEvent<AttestIssued>(
    'AttestIssued',
    { attestNumber: attestNumber(state, today), issuedOn: today, policyVersion: policy.id, conditions },
    now,
  );
  const followUp = followUpAfterAttest(state, policy, today, now);
  return followUp.length
    ? [attest, ...followUp]
    : [
        attest,
        trajectoryEvent<TrajectoryClosed>(
          'TrajectoryClosed',
          { reason: 'ATTEST_ISSUED', closedOn: today },
          now,
        ),
      ];
}

/**
 * The follow-up track starts with the attest for a newcomer obliged from the version's `followUp.obligedFrom`
 * (1 March 2022): B1 for the oral skills within 24 months (Verplichting tot inburgering §Vervolgtraject,
 * docs/sources.md). Not in Brussels, where there is no obligation; not after a declaration of effort, which is
 * no attest. The trajectory stays open until the result or the deadline.
 */
export function followUpAfterAttest(
  state: TrajectoryState,
  policy: ParameterisedPolicyVersion,
  startedOn: CalendarDate,
  now: number,
): TrajectoryEvent[] {
  const rule = policy.parameters.followUp;
  const obliged = obligedSince(state);
  if (!rule || !obliged || obliged < rule.obligedFrom || residenceRegionOf(state) === 'BRUSSELS') return [];
  const dueOn = addMonths(startedOn, rule.months);
  return [
    trajectoryEvent<FollowUpStarted>(
      'FollowUpStarted',
      {
        startedOn,
        targetLevel: rule.targetLevel,
        skills: [...rule.skills],
        dueOn,
        policyVersion: policy.id,
        source: rule.source,
      },
      now,
    ),
    trajectoryEvent<DeadlineSet>(
      'DeadlineSet',
      {
        deadlineId: followUpDeadlineId(state),
        kind: 'FOLLOW_UP_B1_ORAL',
        dueOn,
        anchor: 'ATTEST',
        anchorOn: startedOn,
        policyVersion: policy.id,
        source: rule.source,
      },
      now,
    ),
  ];
}

export function followUpDeadlineId(state: Pick<TrajectoryState, 'trajectoryId'>): string {
  return `${state.trajectoryId}:FOLLOW_UP_B1_ORAL`;
}

function describeCondition(pillar: Pillar, pillars: PillarStates): string {
  const state = pillars[pillar];
  if (state.status === 'COMPLETED') return `${pillar}: ${state.completion?.condition}`;
  if (state.status === 'WAIVED') return `${pillar}: waived on ${state.waiver?.on} (${state.waiver?.reason})`;
  return `${pillar}: ${state.applicability.toLowerCase().replace('_', ' ')} (${applicabilityReasonOf(state)})`;
}

/** Readable: the agency, the year and 64 bits of the trajectory id (a collision is practically excluded). */
function attestNumber(state: TrajectoryState, today: CalendarDate): string {
  return `ATT-${state.agency}-${today.slice(0, 4)}-${state.trajectoryId.replace(/-/g, '').slice(0, 16).toUpperCase()}`;
}
