import type { FactsByPopulation, Population } from '../../../domain/src/key-figures';

/** How the key figures may be broken down: one of these columns, or nothing (one total). */
export const GROUPINGS = ['agency', 'municipality', 'office'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * Where each population's facts live in SQL: the FROM clause (alias `f`), each fact's expression, and each
 * grouping's. A new grouping dimension (say, a region) is one more entry per population here and in
 * `groupKeyOf` (as-of path); the figures themselves do not change.
 */
export interface FactSource<P extends Population> {
  from: string;
  facts: { [K in keyof FactsByPopulation[P]]-?: string };
  /** Range conditions for date facts stored as instants: the day bounds in Brussels. */
  instantFacts?: Partial<{ [K in keyof FactsByPopulation[P]]: string }>;
  groups: Record<Grouping, string>;
}

const OFFICE_JOIN = (counsellor: string) =>
  `LEFT JOIN counsellor_offices office ON office.counsellor_id = ${counsellor}`;

export const TRAJECTORY_SOURCE: FactSource<'trajectories'> = {
  from: `trajectory_milestones f ${OFFICE_JOIN('f.counsellor_id')}`,
  facts: {
    trajectoryId: 'f.trajectory_id',
    agency: 'f.agency',
    municipality: 'f.municipality',
    counsellorId: 'f.counsellor_id',
    status: 'f.status',
    registeredOn: 'f.registered_on',
    intakeOn: 'f.intake_on',
    contractOn: 'f.contract_on',
    vdabRegisteredOn: 'f.vdab_registered_on',
    vdabWithinTwoMonths: 'f.vdab_within_two_months',
    firstNt2CourseOn: 'f.first_nt2_course_on',
    daysIntakeToNt2Course: 'f.days_intake_to_nt2_course',
    daysRegistrationToContract: 'f.days_registration_to_contract',
    firstMoTestOn: 'f.first_mo_test_on',
    moTestAttempts: 'f.mo_test_attempts',
    moPassedFirstAttempt: 'f.mo_passed_first_attempt',
    moPassed: 'f.mo_passed',
    firstNt2TestOn: 'f.first_nt2_test_on',
    nt2TestAttempts: 'f.nt2_test_attempts',
    nt2PassedFirstAttempt: 'f.nt2_passed_first_attempt',
    nt2Passed: 'f.nt2_passed',
    attestOn: 'f.attest_on',
    daysRegistrationToAttest: 'f.days_registration_to_attest',
    participationRequired: 'f.participation_required',
    participationHours: 'f.participation_hours',
    participationCompleted: 'f.participation_completed',
    closedOn: 'f.closed_on',
  },
  groups: { agency: 'f.agency', municipality: 'f.municipality', office: 'office.office_id' },
};

export const VIOLATION_SOURCE: FactSource<'violations'> = {
  from: `violations f ${OFFICE_JOIN('f.counsellor_id')}`,
  facts: {
    trajectoryId: 'f.trajectory_id',
    agency: 'f.agency',
    municipality: 'f.municipality',
    counsellorId: 'f.counsellor_id',
    openedOn: `(f.opened_at AT TIME ZONE 'Europe/Brussels')::date`,
    decidedOn: 'f.decided_on',
    decision: 'f.decision',
    amountEuro: 'f.amount_euro',
  },
  instantFacts: { openedOn: 'f.opened_at' },
  groups: { agency: 'f.agency', municipality: 'f.municipality', office: 'office.office_id' },
};

/**
 * Counsellor commands: the events one request recorded (same stream and causation id), given by a caller with the
 * counsellor role, with the trajectory's agency and municipality now. `$1`/`$2` are the period's bounds as instants.
 */
export const COMMAND_SOURCE: FactSource<'commands'> = {
  from: `(SELECT summary.trajectory_id, event.metadata->>'actor' AS counsellor, summary.agency, summary.municipality,
                 (min(event.recorded_at) AT TIME ZONE 'Europe/Brussels')::date AS recorded_on
            FROM events event
            JOIN trajectory_summaries summary ON summary.stream_id = event.stream_id
           WHERE event.recorded_at >= $1 AND event.recorded_at < $2
             AND event.metadata->>'actorRole' = 'counsellor'
           GROUP BY event.stream_id, event.metadata->>'causationId', summary.trajectory_id,
                    event.metadata->>'actor', summary.agency, summary.municipality) f
         ${OFFICE_JOIN('f.counsellor')}`,
  facts: {
    trajectoryId: 'f.trajectory_id',
    counsellor: 'f.counsellor',
    agency: 'f.agency',
    municipality: 'f.municipality',
    recordedOn: 'f.recorded_on',
  },
  groups: { agency: 'f.agency', municipality: 'f.municipality', office: 'office.office_id' },
};

export const FACT_SOURCES: { [P in Population]: FactSource<P> } = {
  trajectories: TRAJECTORY_SOURCE,
  violations: VIOLATION_SOURCE,
  commands: COMMAND_SOURCE,
};
