import { PILLARS } from '../../../domain/src';
import { evolvePillars, isPillarEvent } from '../../../domain/src/pillars/evolve-pillars';
import type { PillarStates } from '../../../domain/src/pillars/pillar-state';
import { PillarRecord } from '../entities';
import type {
  MoPillarDetails,
  Nt2PillarDetails,
  ParticipationPillarDetails,
  WorkPillarDetails,
} from '../read-models.types';
import { Projection, trajectoryOfStream } from './projection';

/**
 * The four pillar rows of a trajectory are the domain's pillar state, row by row: the rows are read back into that
 * state, the domain's own `evolvePillars` applies the event (started on the first activity, hours added, completed,
 * waived, ...) and the rows are written again, so the read model cannot drift from the fold.
 */
export const projectPillars: Projection = async (event, manager) => {
  if (!isPillarEvent(event)) return;
  const { trajectoryId } = await trajectoryOfStream(manager, event);
  const rows = manager.getRepository(PillarRecord);
  const current =
    event.type === 'PillarsDetermined' ? undefined : toPillarStates(await rows.findBy({ trajectoryId }));
  if (!current && event.type !== 'PillarsDetermined') {
    throw new Error(
      `cannot project ${event.type} (stream ${event.streamId}, version ${event.version}): no PillarsDetermined on the stream`,
    );
  }
  const next = evolvePillars(current, event);
  if (!next) return;
  await rows.upsert(toPillarRecords(trajectoryId, next), ['trajectoryId', 'pillar']);
};

export function toPillarRecords(trajectoryId: string, pillars: PillarStates): PillarRecord[] {
  return PILLARS.map((pillar) => {
    const { applicability, applicabilityReason, status, completion, waiver } = pillars[pillar];
    return Object.assign(new PillarRecord(), {
      trajectoryId,
      pillar,
      applicability,
      applicabilityReason,
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

/** The domain's pillar state from the rows; undefined when the pillars were not determined. */
export function toPillarStates(records: readonly PillarRecord[]): PillarStates | undefined {
  const byPillar = new Map(records.map((record) => [record.pillar, record]));
  const [mo, nt2, work, participation] = PILLARS.map((pillar) => byPillar.get(pillar));
  if (!mo || !nt2 || !work || !participation) return undefined;
  return {
    // Rows written before attendance was recorded have no attendance list.
    MO: {
      ...base(mo),
      ...(mo.details as MoPillarDetails),
      attendance: (mo.details as MoPillarDetails).attendance ?? [],
    },
    NT2: {
      ...base(nt2),
      targetLevel: required(nt2, nt2.targetLevel),
      ...(nt2.details as Nt2PillarDetails),
      attendance: (nt2.details as Nt2PillarDetails).attendance ?? [],
      // Rows written before NT2 enrolments were recorded have no enrolment list.
      enrolments: (nt2.details as Nt2PillarDetails).enrolments ?? [],
    },
    WORK: { ...base(work), ...(work.details as WorkPillarDetails) },
    PARTICIPATION: {
      ...base(participation),
      targetHours: required(participation, participation.targetHours),
      hours: required(participation, participation.hours),
      ...(participation.details as ParticipationPillarDetails),
    },
  };
}

function base(record: PillarRecord) {
  return {
    applicability: record.applicability,
    applicabilityReason: record.applicabilityReason,
    status: record.status,
    ...(record.completedOn !== null
      ? { completion: { on: record.completedOn, condition: record.completionCondition ?? '' } }
      : {}),
    ...(record.waivedOn !== null
      ? { waiver: { on: record.waivedOn, reason: record.waiverReason ?? '' } }
      : {}),
  } as Pick<PillarStates['MO'], 'applicability' | 'applicabilityReason' | 'status' | 'completion' | 'waiver'>;
}

function required<T>(record: PillarRecord, value: T | null): T {
  if (value === null)
    throw new Error(`pillar row ${record.trajectoryId}/${record.pillar} lacks its pillar-specific column`);
  return value;
}
