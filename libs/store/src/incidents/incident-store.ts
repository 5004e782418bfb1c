import { DataSource } from 'typeorm';
import { IncidentRecord, IncidentState } from '../entities/incident.entity';

/** What the workflow reports about an incident; written as is (the latest report wins). */
export interface IncidentReport {
  incidentId: string;
  trajectoryId: string;
  state: IncidentState;
  commandType: string;
  cause: string;
  retries: number;
  /** ISO instants, from the workflow's clock. */
  openedAt: string;
  updatedAt: string;
}

export interface IncidentView {
  incidentId: string;
  trajectoryId: string;
  state: IncidentState;
  commandType: string;
  cause: string;
  retries: number;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

/** The incidents table: written by the worker's activity, read by the API's incidents module. */
export class IncidentStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Upserts the report; a report older than the stored one (an activity retried late) changes nothing. */
  async report(report: IncidentReport): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO incidents AS incident
         (incident_id, trajectory_id, state, command_type, cause, retries, opened_at, updated_at, resolved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $3 = 'RESOLVED' THEN $8::timestamptz END)
       ON CONFLICT (incident_id) DO UPDATE
         SET state = EXCLUDED.state, cause = EXCLUDED.cause, retries = EXCLUDED.retries,
             updated_at = EXCLUDED.updated_at, resolved_at = EXCLUDED.resolved_at
       WHERE incident.updated_at <= EXCLUDED.updated_at`,
      [
        report.incidentId,
        report.trajectoryId,
        report.state,
        report.commandType,
        report.cause,
        report.retries,
        report.openedAt,
        report.updatedAt,
      ],
    );
  }

  async list(filter: { state?: IncidentState; limit?: number } = {}): Promise<IncidentView[]> {
    const records = await this.dataSource.manager.find(IncidentRecord, {
      where: filter.state === undefined ? {} : { state: filter.state },
      order: { openedAt: 'ASC', incidentId: 'ASC' },
      take: filter.limit ?? 100,
    });
    return records.map(toView);
  }

  async find(incidentId: string): Promise<IncidentView | null> {
    const record = await this.dataSource.manager.findOneBy(IncidentRecord, { incidentId });
    return record ? toView(record) : null;
  }
}

function toView(record: IncidentRecord): IncidentView {
  return {
    incidentId: record.incidentId,
    trajectoryId: record.trajectoryId,
    state: record.state,
    commandType: record.commandType,
    cause: record.cause,
    retries: record.retries,
    openedAt: record.openedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    resolvedAt: record.resolvedAt ? record.resolvedAt.toISOString() : null,
  };
}
