import { DataSource, EntityManager } from 'typeorm';
import { isCalendarDate } from '../../../domain/src';

/** One access to personal data, as recorded. */
export interface PersonalDataAccess {
  actor: string;
  actorRole: string;
  actorOrganisation: string;
  /** The access policy's action (e.g. trajectory.read). */
  action: string;
  method: string;
  /** The path asked for, without the query string. */
  resource: string;
  /** The trajectories (the persons' cases) whose data was read or written. */
  trajectoryIds: string[];
  purpose: string | null;
  /** A case the caller does not hold (e.g. another counsellor's): a purpose is then required. */
  outsideCaseload: boolean;
  status: number;
  correlationId: string | null;
}

export interface RecordedAccess extends PersonalDataAccess {
  id: string;
  occurredAt: string;
}

export interface AuditFilter {
  /** The person: accesses to this trajectory ("who looked at my file"). */
  trajectoryId?: string;
  /** The user or system that accessed. */
  actor?: string;
  /** Inclusive calendar dates (Europe/Brussels) of the access. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Entries written by one statement at most (11 parameters each). */
const MAX_ENTRIES_PER_INSERT = 500;

interface PendingEntry {
  access: PersonalDataAccess;
  stored: () => void;
  failed: (error: unknown) => void;
}

/**
 * The append-only audit trail of personal-data access (table personal_data_access).
 *
 * `record` answers once its entry is committed (no entry, no answer), with group commit: while one insert runs, the
 * entries recorded meanwhile wait and go together in the next one (one statement and one commit for many requests
 * under load; a lone request is written at once, as before).
 */
export class AuditTrail {
  private readonly pending: PendingEntry[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Stores one entry: in `manager`'s transaction when given, else in the next group commit. */
  async record(access: PersonalDataAccess, manager?: EntityManager): Promise<void> {
    if (manager) return insertEntries(manager, [{ access }]);
    return new Promise<void>((stored, failed) => {
      this.pending.push({ access, stored, failed });
      this.writeNext();
    });
  }

  private writeNext(): void {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const batch = this.pending.splice(0, MAX_ENTRIES_PER_INSERT);
    void this.write(batch).finally(() => {
      this.writing = false;
      this.writeNext();
    });
  }

  private async write(batch: PendingEntry[]): Promise<void> {
    try {
      await insertEntries(this.dataSource.manager, batch);
      for (const entry of batch) entry.stored();
    } catch (error) {
      if (batch.length === 1) {
        batch[0].failed(error);
        return;
      }
      // One entry the database refuses must not fail the others: each is written on its own.
      await Promise.all(
        batch.map((entry) =>
          insertEntries(this.dataSource.manager, [entry]).then(entry.stored, entry.failed),
        ),
      );
    }
  }

  /** The entries the filter selects, the oldest first, and how many there are. */
  async list(filter: AuditFilter): Promise<{ items: RecordedAccess[]; total: number }> {
    const parameters: unknown[] = [];
    const conditions: string[] = [];
    const add = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    if (filter.trajectoryId !== undefined)
      conditions.push(`${add(filter.trajectoryId)} = ANY(trajectory_ids)`);
    if (filter.actor !== undefined) conditions.push(`actor = ${add(filter.actor)}`);
    for (const [bound, value] of [
      ['from', filter.from],
      ['to', filter.to],
    ] as const) {
      if (value === undefined) continue;
      if (!isCalendarDate(value))
        throw new RangeError(`${bound} must be a date (YYYY-MM-DD), got "${value}"`);
      conditions.push(
        bound === 'from'
          ? `occurred_at >= (${add(value)}::date)::timestamp AT TIME ZONE 'Europe/Brussels'`
          : `occurred_at < (${add(value)}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels'`,
      );
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM personal_data_access ${where}`,
      parameters,
    );
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT id::text, occurred_at, actor, actor_role, actor_organisation, action, method, resource,
              trajectory_ids, purpose, outside_caseload, status, correlation_id
         FROM personal_data_access ${where}
        ORDER BY id ASC
        LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
      parameters,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        actor: row.actor,
        actorRole: row.actor_role,
        actorOrganisation: row.actor_organisation,
        action: row.action,
        method: row.method,
        resource: row.resource,
        trajectoryIds: row.trajectory_ids,
        purpose: row.purpose,
        outsideCaseload: row.outside_caseload,
        status: row.status,
        correlationId: row.correlation_id,
      })),
      total,
    };
  }
}

interface AuditRow {
  id: string;
  occurred_at: string | Date;
  actor: string;
  actor_role: string;
  actor_organisation: string;
  action: string;
  method: string;
  resource: string;
  trajectory_ids: string[];
  purpose: string | null;
  outside_caseload: boolean;
  status: number;
  correlation_id: string | null;
}

const ENTRY_COLUMNS = 11;

async function insertEntries(
  manager: EntityManager,
  entries: readonly { access: PersonalDataAccess }[],
): Promise<void> {
  const parameters: unknown[] = [];
  const rows = entries.map(({ access }, index) => {
    parameters.push(
      access.actor,
      access.actorRole,
      access.actorOrganisation,
      access.action,
      access.method,
      access.resource,
      access.trajectoryIds,
      access.purpose,
      access.outsideCaseload,
      access.status,
      access.correlationId,
    );
    const first = index * ENTRY_COLUMNS;
    return `(${Array.from({ length: ENTRY_COLUMNS }, (_, column) => `$${first + column + 1}`).join(', ')})`;
  });
  await manager.query(
    `INSERT INTO personal_data_access (actor, actor_role, actor_organisation, action, method, resource,
       trajectory_ids, purpose, outside_caseload, status, correlation_id)
     VALUES ${rows.join(', ')}`,
    parameters,
  );
}
