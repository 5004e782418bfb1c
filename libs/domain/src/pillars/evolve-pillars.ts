import { PillarsDetermined, TrajectoryEvent } from '../trajectory/events';
import { PillarDetermination } from './applicability';
import { nt2TargetMet, PillarStates } from './pillar-state';

/** The events that change the pillars, and only them. */
const PILLAR_EVENT_TYPES = [
  'PillarsDetermined',
  'MoCourseEnrolled',
  'MoTestTaken',
  'AttendanceRecorded',
  'Nt2Referred',
  'Nt2CourseEnrolled',
  'Nt2TargetAdjusted',
  'Nt2TestTaken',
  'WorkTrackAgreed',
  'ParticipationActivityLogged',
  'PillarCompleted',
  'PillarWaived',
] as const satisfies readonly TrajectoryEvent['type'][];

export type PillarEvent = Extract<TrajectoryEvent, { type: (typeof PILLAR_EVENT_TYPES)[number] }>;

const IS_PILLAR_EVENT: ReadonlySet<string> = new Set(PILLAR_EVENT_TYPES);

export function isPillarEvent(event: { type: string }): event is PillarEvent {
  return IS_PILLAR_EVENT.has(event.type);
}

/** The pillars' part of the fold. */
export function evolvePillars(
  pillars: PillarStates | undefined,
  event: PillarEvent,
): PillarStates | undefined {
  if (event.type === 'PillarsDetermined') return initialPillars(event);
  if (!pillars) throw new Error(`cannot apply ${event.type} before PillarsDetermined`);
  switch (event.type) {
    case 'MoCourseEnrolled':
      return {
        ...pillars,
        MO: { ...started(pillars.MO), enrolments: [...pillars.MO.enrolments, { ...event.data }] },
      };
    case 'MoTestTaken':
      return {
        ...pillars,
        MO: { ...started(pillars.MO), testAttempts: [...pillars.MO.testAttempts, { ...event.data }] },
      };
    case 'AttendanceRecorded': {
      const { pillar, ...record } = event.data;
      const course = pillars[pillar];
      return {
        ...pillars,
        [pillar]: { ...started(course), attendance: [...(course.attendance ?? []), record] },
      };
    }
    case 'Nt2Referred':
      return {
        ...pillars,
        NT2: { ...started(pillars.NT2), referrals: [...pillars.NT2.referrals, { ...event.data }] },
      };
    case 'Nt2CourseEnrolled':
      // States carried over by continue-as-new from before NT2 enrolments existed have no list yet.
      return {
        ...pillars,
        NT2: { ...started(pillars.NT2), enrolments: [...(pillars.NT2.enrolments ?? []), { ...event.data }] },
      };
    case 'Nt2TargetAdjusted': {
      const { targetLevel, previousTargetLevel, adjustedOn, reason } = event.data;
      return {
        ...pillars,
        NT2: {
          ...pillars.NT2,
          targetLevel,
          targetAdjustment: { from: previousTargetLevel, adjustedOn, reason },
        },
      };
    }
    case 'Nt2TestTaken':
      return {
        ...pillars,
        NT2: { ...started(pillars.NT2), testResults: [...pillars.NT2.testResults, { ...event.data }] },
      };
    case 'WorkTrackAgreed':
      return { ...pillars, WORK: { ...started(pillars.WORK), track: { ...event.data } } };
    case 'ParticipationActivityLogged':
      return {
        ...pillars,
        PARTICIPATION: {
          ...started(pillars.PARTICIPATION),
          hours: pillars.PARTICIPATION.hours + event.data.hours,
          activities: [...pillars.PARTICIPATION.activities, { ...event.data }],
        },
      };
    case 'PillarCompleted': {
      const { pillar, completedOn, condition } = event.data;
      const completed = Object.assign({}, pillars[pillar], {
        status: 'COMPLETED' as const,
        completion: { on: completedOn, condition },
      });
      if (pillar === 'NT2') {
        // the certificate is for the level of the test that completed the pillar, which may be above the target
        const target = pillars.NT2.targetLevel;
        const level =
          pillars.NT2.testResults.find((result) => nt2TargetMet(result, pillars.NT2))?.level ?? target;
        const { status, completion } = completed;
        return {
          ...pillars,
          NT2: { ...pillars.NT2, status, completion, certificate: { level, obtainedOn: completedOn } },
        };
      }
      return { ...pillars, [pillar]: completed };
    }
    case 'PillarWaived': {
      const { pillar, waivedOn, reason } = event.data;
      return {
        ...pillars,
        [pillar]: Object.assign({}, pillars[pillar], { status: 'WAIVED', waiver: { on: waivedOn, reason } }),
      };
    }
  }
}

function initialPillars(event: PillarsDetermined): PillarStates {
  // Each pillar is its base object with the pillar's own keys assigned after (the same object a spread of the base
  // would make): V8 (Node 20) spreads an object into a literal that adds keys several times slower.
  // The reason's text is kept only where the event has no key for it: applicabilityReasonOf writes it from the key.
  const base = (determination: PillarDetermination) =>
    determination.reasonKey
      ? {
          applicability: determination.applicability,
          applicabilityReasonKey: determination.reasonKey,
          applicabilityReasonParams: determination.reasonParams,
          status: 'NOT_STARTED' as const,
        }
      : {
          applicability: determination.applicability,
          applicabilityReason: determination.reason,
          status: 'NOT_STARTED' as const,
        };
  const { skills } = event.data.NT2;
  return {
    MO: Object.assign(base(event.data.MO), { enrolments: [], testAttempts: [], attendance: [] }),
    NT2: Object.assign(
      base(event.data.NT2),
      { targetLevel: event.data.NT2.targetLevel },
      skills ? { skills } : undefined,
      { referrals: [], enrolments: [], testResults: [], attendance: [] },
    ),
    WORK: base(event.data.WORK),
    PARTICIPATION: Object.assign(base(event.data.PARTICIPATION), {
      targetHours: event.data.PARTICIPATION.targetHours,
      hours: 0,
      activities: [],
    }),
  };
}

function started<P extends { status: string }>(pillar: P): P {
  return pillar.status === 'NOT_STARTED' ? { ...pillar, status: 'IN_PROGRESS' } : pillar;
}
