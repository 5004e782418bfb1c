import { DataSource, EntityManager } from 'typeorm';
import type { RowProblem } from '../../../domain/src';
import type {
  LinkCandidate,
  ReconciliationEntry,
  ReconciliationItemView,
  ReconciliationState,
} from './registration-exchange.types';

type QueueInsert = ReconciliationEntry & { importId: string | null; rowNumber: number | null };

/**
 * Adds entries to the reconciliation queue; an entry already there (same file row, same single registration) stays.
 * `createdAt` (default: the transaction's time) orders the queue: a file's batch gives all its entries one time, so
 * they list in row order whichever transaction of the batch wrote them.
 */
export async function insertReconciliationEntries(
  manager: EntityManager,
  entries: readonly QueueInsert[],
  createdAt?: Date,
): Promise<void> {
  if (!entries.length) return;
  await manager.query(
    `INSERT INTO registration_reconciliation
       (import_id, row_number, partner, kind, reason, national_number, trajectory_id, agency, registered_on, office,
        partner_dossier_id, refusal, created_at)
     SELECT e.*, coalesce($13::timestamptz, now())
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::text[], $9::date[], $10::text[], $11::text[], $12::jsonb[]) AS e
     ON CONFLICT DO NOTHING`,
    [
      entries.map((e) => e.importId),
      entries.map((e) => e.rowNumber),
      entries.map((e) => e.partner),
      entries.map((e) => e.kind),
      entries.map((e) => e.reason),
      entries.map((e) => e.nationalNumber),
      entries.map((e) => e.trajectoryId),
      entries.map((e) => e.agency),
      entries.map((e) => e.registeredOn),
      entries.map((e) => e.office),
      entries.map((e) => e.partnerDossierId),
      entries.map((e) => (e.refusal ? JSON.stringify(e.refusal) : null)),
      createdAt?.toISOString() ?? null,
    ],
  );
}

export interface ReconciliationFilter {
  /** The counsellor's agency: its own items and the unmatched ones no agency owns yet. */
  agency?: string;
  /** A partner's mediator: the items of the partner's own registrations. */
  partner?: string;
  state?: ReconciliationState;
  /** The items one registration import queued. */
  importId?: string;
  /** The items of one registration, by the partner's own dossier id. */
  partnerDossierId?: string;
  limit: number;
  offset: number;
}

/** The reconciliation queue counsellors work, and the trajectories registrations are matched against. */
export class ReconciliationStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: ReconciliationFilter): Promise<{ items: ReconciliationItemView[]; total: number }> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (filter.agency !== undefined) {
      parameters.push(filter.agency);
      conditions.push(`(agency = $${parameters.length} OR agency IS NULL)`);
    }
    if (filter.partner !== undefined) {
      parameters.push(filter.partner);
      conditions.push(`partner = $${parameters.length}`);
    }
    if (filter.state !== undefined) {
      parameters.push(filter.state);
      conditions.push(`state = $${parameters.length}`);
    }
    if (filter.importId !== undefined) {
      parameters.push(filter.importId);
      conditions.push(`import_id = $${parameters.length}`);
    }
    if (filter.partnerDossierId !== undefined) {
      parameters.push(filter.partnerDossierId);
      conditions.push(`partner_dossier_id = $${parameters.length}`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM registration_reconciliation ${where}`,
      parameters,
    );
    const rows = await this.dataSource.query(
      `SELECT * FROM registration_reconciliation ${where}
        ORDER BY created_at, import_id, row_number, item_id LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, filter.limit, filter.offset],
    );
    return { items: rows.map(toView), total };
  }

  async find(itemId: string): Promise<ReconciliationItemView | null> {
    const [row] = await this.dataSource.query(
      `SELECT * FROM registration_reconciliation WHERE item_id = $1`,
      [itemId],
    );
    return row ? toView(row) : null;
  }

  async queueSingle(entry: ReconciliationEntry): Promise<ReconciliationItemView> {
    await insertReconciliationEntries(this.dataSource.manager, [
      { ...entry, importId: null, rowNumber: null },
    ]);
    const [row] = await this.dataSource.query(
      `SELECT * FROM registration_reconciliation
        WHERE import_id IS NULL AND partner = $1 AND partner_dossier_id = $2 AND registered_on = $3
          AND coalesce(national_number, trajectory_id) = $4`,
      [entry.partner, entry.partnerDossierId, entry.registeredOn, entry.nationalNumber ?? entry.trajectoryId],
    );
    return toView(row);
  }

  /** Closes an open item; false when it was no longer open (resolved by someone, or matched automatically). */
  async resolve(
    itemId: string,
    resolution: {
      state: Exclude<ReconciliationState, 'OPEN'>;
      trajectoryId: string | null;
      resolvedBy: string;
      resolution: string;
    },
  ): Promise<boolean> {
    const updated = await this.dataSource.query(
      `UPDATE registration_reconciliation
          SET state = $2, resolved_trajectory_id = $3, resolved_by = $4, resolution = $5, resolved_at = now()
        WHERE item_id = $1 AND state = 'OPEN' RETURNING item_id`,
      [itemId, resolution.state, resolution.trajectoryId, resolution.resolvedBy, resolution.resolution],
    );
    return rowsOf(updated).length === 1;
  }

  /** An unmatched item turned out to conflict with the trajectory found later: it stays open for a counsellor. */
  async reclassifyAsConflict(
    itemId: string,
    candidate: LinkCandidate,
    reason: string,
    refusal: RowProblem | null = null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE registration_reconciliation
          SET kind = 'CONFLICT', reason = $2, trajectory_id = $3, agency = $4, refusal = $5::jsonb
        WHERE item_id = $1 AND state = 'OPEN'`,
      [itemId, reason, candidate.trajectoryId, candidate.agency, refusal ? JSON.stringify(refusal) : null],
    );
  }

  /** Open unmatched items whose newcomer now has an open trajectory, oldest first. */
  async awaitingAutomaticMatch(
    limit: number,
  ): Promise<{ item: ReconciliationItemView; candidate: LinkCandidate }[]> {
    const rows = await this.dataSource.query(
      `SELECT q.*, s.trajectory_id AS candidate_trajectory_id, s.national_number AS candidate_national_number,
              s.agency AS candidate_agency, s.status AS candidate_status,
              s.vdab_registered_on AS candidate_vdab_registered_on,
              s.vdab_client_reference AS candidate_vdab_client_reference
         FROM registration_reconciliation q
         JOIN trajectory_summaries s ON s.national_number = q.national_number AND s.status <> 'CLOSED'
        WHERE q.state = 'OPEN' AND q.kind = 'UNMATCHED'
        ORDER BY q.created_at, q.item_id LIMIT $1`,
      [limit],
    );
    return rows.map((row: Record<string, unknown>) => ({
      item: toView(row),
      candidate: {
        trajectoryId: row.candidate_trajectory_id as string,
        nationalNumber: row.candidate_national_number as string,
        agency: row.candidate_agency as string,
        status: row.candidate_status as string,
        vdabRegisteredOn: row.candidate_vdab_registered_on as string | null,
        vdabClientReference: row.candidate_vdab_client_reference as string | null,
      },
    }));
  }

  /** The open trajectories of these newcomers and these trajectories, as linking needs them. */
  async linkCandidates(
    nationalNumbers: readonly string[],
    trajectoryIds: readonly string[],
  ): Promise<{ byNationalNumber: Map<string, LinkCandidate>; byTrajectoryId: Map<string, LinkCandidate> }> {
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      `SELECT trajectory_id, national_number, agency, status, vdab_registered_on, vdab_client_reference
         FROM trajectory_summaries WHERE national_number = ANY($1::text[]) AND status <> 'CLOSED'
       UNION
       SELECT trajectory_id, national_number, agency, status, vdab_registered_on, vdab_client_reference
         FROM trajectory_summaries WHERE trajectory_id = ANY($2::text[])`,
      [nationalNumbers, trajectoryIds],
    );
    const byNationalNumber = new Map<string, LinkCandidate>();
    const byTrajectoryId = new Map<string, LinkCandidate>();
    for (const row of rows) {
      const candidate: LinkCandidate = {
        trajectoryId: row.trajectory_id as string,
        nationalNumber: row.national_number as string,
        agency: row.agency as string,
        status: row.status as string,
        vdabRegisteredOn: row.vdab_registered_on,
        vdabClientReference: row.vdab_client_reference,
      };
      byTrajectoryId.set(candidate.trajectoryId, candidate);
      if (candidate.status !== 'CLOSED') byNationalNumber.set(candidate.nationalNumber, candidate);
    }
    return { byNationalNumber, byTrajectoryId };
  }

  /** Whether a registration event on the trajectory was written under this idempotency key. */
  async linkedWithKey(trajectoryId: string, idempotencyKey: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM events
        WHERE stream_id = $1 AND metadata->>'idempotencyKey' = $2 AND type = 'VdabRegistrationRecorded' LIMIT 1`,
      [trajectoryId, idempotencyKey],
    );
    return rows.length > 0;
  }

  async linkCandidate(trajectoryId: string): Promise<LinkCandidate | undefined> {
    return (await this.linkCandidates([], [trajectoryId])).byTrajectoryId.get(trajectoryId);
  }
}

export function rowsOf<T = unknown>(result: unknown): T[] {
  // TypeORM answers an UPDATE ... RETURNING with [rows, count].
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}

function toView(row: Record<string, unknown>): ReconciliationItemView {
  const time = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  return {
    itemId: row.item_id as string,
    importId: row.import_id as string | null,
    rowNumber: row.row_number as number | null,
    partner: row.partner as ReconciliationItemView['partner'],
    kind: row.kind as ReconciliationItemView['kind'],
    reason: row.reason as string,
    refusal: (row.refusal as RowProblem | null) ?? null,
    nationalNumber: row.national_number as string | null,
    trajectoryId: row.trajectory_id as string | null,
    agency: row.agency as string | null,
    registeredOn: row.registered_on as string,
    office: row.office as string,
    partnerDossierId: row.partner_dossier_id as string,
    state: row.state as ReconciliationState,
    resolvedTrajectoryId: row.resolved_trajectory_id as string | null,
    resolvedBy: row.resolved_by as string | null,
    resolution: row.resolution as string | null,
    resolvedAt: time(row.resolved_at),
    createdAt: time(row.created_at) as string,
  };
}
