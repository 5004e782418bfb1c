import { PILLARS } from '../../../domain/src';
import type { PillarStates } from '../../../domain/src/pillars/pillar-state';
import { PillarRecord } from '../entities';
import type {
  MoPillarDetails,
  Nt2PillarDetails,
  ParticipationPillarDetails,
  WorkPillarDetails,
} from '../read-models.types';
import type { ReadModel } from './projection';

/** The four pillar rows of a trajectory whose contract is signed: the domain's pillar state, row by row. */
export const pillars: ReadModel<PillarRecord> = {
  entity: PillarRecord,
  rows: ({ state }) => (state.pillars ? toPillarRecords(state.trajectoryId, state.pillars) : []),
};

export function toPillarRecords(trajectoryId: string, pillars: PillarStates): PillarRecord[] {
  return PILLARS.map((pillar) => {
    const { applicability, applicabilityReasonKey, applicabilityReasonParams, status, completion, waiver } =
      pillars[pillar];
    return Object.assign(new PillarRecord(), {
      trajectoryId,
      pillar,
      applicability,
      // The text only where no key writes it (a state folded before keys may hold both).
      applicabilityReason: applicabilityReasonKey ? null : (pillars[pillar].applicabilityReason ?? null),
      applicabilityReasonKey: applicabilityReasonKey ?? null,
      applicabilityReasonParams: applicabilityReasonParams ?? null,
      status,
      completedOn: completion?.on ?? null,
      completionCondition: completion?.condition ?? null,
      waivedOn: waiver?.on ?? null,
      waiverReason: waiver?.reason ?? null,
      targetLevel: pillar === 'NT2' ? pillars.NT2.targetLevel : null,
      targetHours: pillar === 'PARTICIPATION' ? pillars.PARTICIPATION.targetHours : null,
      hours: pillar === 'PARTICIPATION' ? pillars.PARTICIPATION.hours : null,
      details: detailsOf(pillars, pillar),
    });
  });
}

function detailsOf(pillars: PillarStates, pillar: PillarRecord['pillar']): PillarRecord['details'] {
  switch (pillar) {
    case 'MO': {
      const { enrolments, testAttempts, attendance } = pillars.MO;
      return { enrolments, testAttempts, attendance } satisfies MoPillarDetails;
    }
    case 'NT2': {
      const { referrals, enrolments, testResults, certificate, attendance, targetAdjustment, skills } =
        pillars.NT2;
      return {
        ...(skills ? { skills } : {}),
        referrals,
        enrolments,
        testResults,
        attendance,
        ...(certificate ? { certificate } : {}),
        ...(targetAdjustment ? { targetAdjustment } : {}),
      } satisfies Nt2PillarDetails;
    }
    case 'WORK': {
      const { track } = pillars.WORK;
      return (track ? { track } : {}) satisfies WorkPillarDetails;
    }
    case 'PARTICIPATION':
      return { activities: pillars.PARTICIPATION.activities } satisfies ParticipationPillarDetails;
  }
}
