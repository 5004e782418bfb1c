import { DataSource, In } from 'typeorm';
import { fold, PILLARS, TrajectoryEvent, TrajectoryState } from '../../libs/domain/src';
import type { PillarStates } from '../../libs/domain/src/pillars/pillar-state';
import {
  DeadlineRecord,
  EventStore,
  MoPillarDetails,
  Nt2PillarDetails,
  OutboxMessageRecord,
  ParticipationActivityRecord,
  ParticipationPillarDetails,
  PillarRecord,
  PillarView,
  READ_MODELS,
  SUMMED_READ_MODELS,
  TrajectoryStateRecord,
  TrajectorySummaryRecord,
  TrajectorySummaryView,
  TypeOrmTrajectoryQueries,
  ViolationRecord,
  WorkPillarDetails,
} from '../../libs/store/src';
import { TrajectoryScenario } from './trajectory-fixtures';

/** Every read-model row of the trajectories (and their outbox messages), in a stable order: to compare before and after a rebuild. */
export async function readModelRows(dataSource: DataSource, trajectoryIds: string[]) {
  const manager = dataSource.manager;
  const where = { trajectoryId: In(trajectoryIds) };
  return {
    summaries: await manager.find(TrajectorySummaryRecord, { where, order: { trajectoryId: 'ASC' } }),
    deadlines: await manager.find(DeadlineRecord, {
      where,
      order: { trajectoryId: 'ASC', deadlineId: 'ASC' },
    }),
    violations: await manager.find(ViolationRecord, {
      where,
      order: { trajectoryId: 'ASC', violationId: 'ASC' },
    }),
    pillars: await manager.find(PillarRecord, { where, order: { trajectoryId: 'ASC', pillar: 'ASC' } }),
    activities: await manager.find(ParticipationActivityRecord, {
      where,
      order: { trajectoryId: 'ASC', activityId: 'ASC' },
    }),
    // The messages the events caused, not how far their delivery got: a relay of another test file sending to the
    // shared database delivers some meanwhile (a rebuild neither adds nor removes any).
    outbox: await manager.find(OutboxMessageRecord, {
      select: {
        id: true,
        position: true,
        streamId: true,
        eventVersion: true,
        destination: true,
        type: true,
        payload: true,
        createdAt: true,
      },
      where: { streamId: In(trajectoryIds) },
      order: { id: 'ASC' },
    }),
  };
}

/**
 * Totals the database keeps from read-model rows by statement triggers (list counts, participation hours), as the read
 * models declare them (projections.test.ts checks the declarations against the triggers).
 */
const TRIGGER_KEPT_TOTALS = READ_MODELS.flatMap((model) => model.triggerKeptTotals ?? []);

/** Every row of the stored states and the read models, as JSON, in key order: to compare a rebuild with the appends. */
export async function readModelTables(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const entity of [TrajectoryStateRecord, ...READ_MODELS.map((model) => model.entity)]) {
    const { tableName, primaryColumns } = dataSource.getMetadata(entity);
    const result = await dataSource.query<{ row: unknown }[]>(
      `SELECT to_jsonb(t) AS row FROM ${tableName} t
        ORDER BY ${primaryColumns.map((column) => column.databaseName).join(', ')}`,
    );
    rows[tableName] = result.map(({ row }) => row);
  }
  // Not a mapping of one trajectory: the sums the appends kept, against those a rebuild computes.
  for (const sums of SUMMED_READ_MODELS.flatMap((model) => model.sums)) {
    const result = await dataSource.query<{ row: unknown }[]>(
      `SELECT to_jsonb(t) AS row FROM ${sums.table} t ORDER BY to_jsonb(t)::text`,
    );
    rows[sums.table] = result.map(({ row }) => row);
  }
  for (const table of TRIGGER_KEPT_TOTALS) {
    const result = await dataSource.query<{ row: unknown }[]>(
      `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`,
    );
    rows[table] = result.map(({ row }) => row);
  }
  return rows;
}

/**
 * The read models are mappings of the domain's fold: they must say what the domain's `fold` of the stored stream
 * says about the trajectory's status, facts, target group, pillars, attest, deadlines and violations. The fold of
 * what the store holds must also be what the scenario remembers.
 */
export async function expectReadModelsToAgreeWithFold(
  database: { readonly store: EventStore; readonly queries: TypeOrmTrajectoryQueries },
  trajectory: TrajectoryScenario,
): Promise<void> {
  const stored = await database.store.readStream(trajectory.streamId);
  const state = fold(
    stored.map(
      ({ type, schemaVersion, occurredAt, data }) =>
        ({ type, schemaVersion, occurredAt, data }) as TrajectoryEvent,
    ),
  );
  expect(state).toEqual(trajectory.state);
  const view = await database.queries.findTrajectory(trajectory.trajectoryId);
  expect(view && readModelFacts(view)).toEqual(foldFacts(state!));
}

function foldFacts(state: TrajectoryState) {
  const targetGroup = state.targetGroup;
  const exempted = targetGroup?.exemption;
  const effective = exempted
    ? { status: 'EXEMPT' as const, exemptionReason: exempted.reason }
    : (targetGroup?.override?.recorded ?? targetGroup?.derived);
  return {
    version: state.version,
    status: state.status,
    phase: state.phase,
    agency: state.agency,
    counsellorId: state.counsellorId ?? null,
    intakeOn: state.intakeOn ?? null,
    contractSignedOn: state.contract?.signedOn ?? null,
    policyVersion: state.contract?.policyVersion ?? null,
    vdabRegisteredOn: state.vdabRegistration?.registeredOn ?? null,
    closedOn: state.closure?.closedOn ?? null,
    closureReason: state.closure?.reason ?? null,
    suspensionReason: state.suspension?.reason ?? null,
    suspendedFrom: state.suspension?.suspendedFrom ?? null,
    intakeProfile: state.intakeProfile ?? null,
    targetGroup:
      targetGroup && effective
        ? {
            status: effective.status,
            derivedStatus: targetGroup.derived.status,
            ruleId: targetGroup.derived.rule.id,
            exemptionReason: effective.status === 'EXEMPT' ? effective.exemptionReason : null,
            exemptionGrantedOn: exempted?.grantedOn ?? null,
            overrideReason: targetGroup.override?.reason ?? null,
          }
        : null,
    pillars: state.pillars ?? null,
    attest: state.attest ?? null,
    deadlines: state.deadlines
      .map(({ deadlineId, kind, state: deadlineState, dueOn, metOn }) => ({
        deadlineId,
        kind,
        state: deadlineState,
        dueOn,
        metOn: metOn ?? null,
        agency: state.agency,
        counsellorId: state.counsellorId ?? null,
      }))
      .sort(byId('deadlineId')),
    violations: state.violations
      .map((violation) => ({
        violationId: violation.violationId,
        kind: violation.kind,
        deadlineId: violation.deadlineId ?? null,
        facts: violation.facts,
        state: violation.state,
        openedAt: violation.openedAt,
        decision: violation.decision?.decision ?? null,
        amountEuro: violation.decision?.amountEuro ?? null,
        decidedOn: violation.decision?.decidedOn ?? null,
      }))
      .sort(byId('violationId')),
  };
}

function readModelFacts(view: TrajectorySummaryView) {
  return {
    version: view.version,
    status: view.status,
    phase: view.phase,
    agency: view.agency,
    counsellorId: view.counsellorId,
    intakeOn: view.intakeOn,
    contractSignedOn: view.contractSignedOn,
    policyVersion: view.policyVersion,
    vdabRegisteredOn: view.vdabRegisteredOn,
    closedOn: view.closedOn,
    closureReason: view.closureReason,
    suspensionReason: view.suspensionReason,
    suspendedFrom: view.suspendedFrom,
    intakeProfile: view.intakeProfile,
    targetGroup: view.targetGroup,
    pillars: view.pillars.length ? pillarStatesOf(view.pillars) : null,
    attest: view.attest,
    deadlines: view.deadlines
      .map(({ deadlineId, kind, state, dueOn, metOn, agency, counsellorId }) => ({
        deadlineId,
        kind,
        state,
        dueOn,
        metOn,
        agency,
        counsellorId,
      }))
      .sort(byId('deadlineId')),
    violations: view.violations
      .map(({ violationId, kind, deadlineId, facts, state, openedAt, decision, amountEuro, decidedOn }) => ({
        violationId,
        kind,
        deadlineId,
        facts,
        state,
        openedAt,
        decision,
        amountEuro,
        decidedOn,
      }))
      .sort(byId('violationId')),
  };
}

/** The pillar views in the shape of the domain's pillar state. */
function pillarStatesOf(views: PillarView[]): PillarStates {
  expect(views.map((view) => view.pillar)).toEqual([...PILLARS]);
  const [mo, nt2, work, participation] = views;
  // The state keeps a reason's key and parameters, or the text an event recorded before keys (applicabilityReasonOf).
  const base = (view: PillarView) => ({
    applicability: view.applicability,
    ...(view.applicabilityReasonKey
      ? {
          applicabilityReasonKey: view.applicabilityReasonKey,
          applicabilityReasonParams: view.applicabilityReasonParams ?? undefined,
        }
      : { applicabilityReason: view.applicabilityReason }),
    status: view.status,
    ...(view.completedOn
      ? { completion: { on: view.completedOn, condition: view.completionCondition } }
      : {}),
    ...(view.waivedOn ? { waiver: { on: view.waivedOn, reason: view.waiverReason } } : {}),
  });
  for (const view of [mo, work])
    expect(view).toMatchObject({ targetLevel: null, targetHours: null, hours: null });
  expect(nt2).toMatchObject({ targetHours: null, hours: null });
  expect(participation.targetLevel).toBeNull();
  return {
    MO: { ...base(mo), ...(mo.details as MoPillarDetails) },
    NT2: { ...base(nt2), targetLevel: nt2.targetLevel, ...(nt2.details as Nt2PillarDetails) },
    WORK: { ...base(work), ...(work.details as WorkPillarDetails) },
    PARTICIPATION: {
      ...base(participation),
      targetHours: participation.targetHours,
      hours: participation.hours,
      ...(participation.details as ParticipationPillarDetails),
    },
  } as PillarStates;
}

function byId<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>) => a[key].localeCompare(b[key]);
}
