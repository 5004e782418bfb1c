import { DataSource } from 'typeorm';
import type { Agency } from '../../../domain/src';

/** An agency's office and the counsellors who belong to it. */
export interface OfficeView {
  officeId: string;
  agency: Agency;
  name: string;
  counsellorIds: string[];
}

export type DefineOfficeOutcome =
  | { outcome: 'CREATED' | 'RENAMED' | 'UNCHANGED'; office: OfficeView }
  | { outcome: 'ID_OF_ANOTHER_AGENCY' }
  | { outcome: 'NAME_TAKEN'; byOfficeId: string };

export type AssignCounsellorOutcome =
  | { outcome: 'ASSIGNED'; previousOfficeId: string | null; office: OfficeView }
  | { outcome: 'UNCHANGED'; office: OfficeView }
  | { outcome: 'NO_SUCH_OFFICE' }
  | { outcome: 'COUNSELLOR_OF_ANOTHER_AGENCY' };

/** Ends the counsellor's ($1) current period in an office, as a statement for a WITH clause. */
const END_PERIOD = `UPDATE counsellor_office_periods SET until_at = now()
   WHERE counsellor_id = $1 AND until_at IS NULL`;

/**
 * Offices as data (issue 9 §1): an agency's offices, and the one office each counsellor belongs to. Reference data
 * kept by the agency's managers, not part of any trajectory's legal record: plain rows, changed in a transaction
 * that locks what it checks. Every method takes the caller's agency; nothing of another agency is read or changed.
 */
export class OfficeStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(agency: Agency): Promise<OfficeView[]> {
    const rows: { office_id: string; agency: Agency; name: string; counsellor_ids: string[] }[] =
      await this.dataSource.query(
        `SELECT office.office_id, office.agency, office.name,
                coalesce(array_agg(member.counsellor_id ORDER BY member.counsellor_id)
                           FILTER (WHERE member.counsellor_id IS NOT NULL), '{}') AS counsellor_ids
           FROM offices office
           LEFT JOIN counsellor_offices member ON member.office_id = office.office_id
          WHERE office.agency = $1
          GROUP BY office.office_id
          ORDER BY office.name, office.office_id`,
        [agency],
      );
    return rows.map(toView);
  }

  /** Creates the office in the agency, or renames it; an id another agency uses is refused. */
  async define(agency: Agency, officeId: string, name: string): Promise<DefineOfficeOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // Serialises definitions within an agency, so that two offices cannot take one name at the same moment.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('offices:' || $1))`, [agency]);
      const [existing]: { agency: Agency; name: string }[] = await manager.query(
        `SELECT agency, name FROM offices WHERE office_id = $1 FOR UPDATE`,
        [officeId],
      );
      if (existing && existing.agency !== agency) return { outcome: 'ID_OF_ANOTHER_AGENCY' };
      const [sameName]: { office_id: string }[] = await manager.query(
        `SELECT office_id FROM offices WHERE agency = $1 AND name = $2 AND office_id <> $3`,
        [agency, name, officeId],
      );
      if (sameName) return { outcome: 'NAME_TAKEN', byOfficeId: sameName.office_id };
      if (!existing) {
        await manager.query(`INSERT INTO offices (office_id, agency, name) VALUES ($1, $2, $3)`, [
          officeId,
          agency,
          name,
        ]);
      } else if (existing.name !== name) {
        await manager.query(`UPDATE offices SET name = $2 WHERE office_id = $1`, [officeId, name]);
      }
      const office = (await this.officeIn(manager, agency, officeId))!;
      return { outcome: !existing ? 'CREATED' : existing.name !== name ? 'RENAMED' : 'UNCHANGED', office };
    });
  }

  /**
   * Puts a counsellor in an office of the agency: each counsellor belongs to exactly one office, so this moves
   * them from their previous office of the same agency. A counsellor who belongs to another agency's office is
   * refused (that agency's manager moves them out first).
   */
  async assign(agency: Agency, officeId: string, counsellorId: string): Promise<AssignCounsellorOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [office]: { office_id: string }[] = await manager.query(
        `SELECT office_id FROM offices WHERE office_id = $1 AND agency = $2 FOR SHARE`,
        [officeId, agency],
      );
      if (!office) return { outcome: 'NO_SUCH_OFFICE' };
      const [current]: { office_id: string; agency: Agency }[] = await manager.query(
        `SELECT member.office_id, office.agency
           FROM counsellor_offices member JOIN offices office ON office.office_id = member.office_id
          WHERE member.counsellor_id = $1 FOR UPDATE OF member`,
        [counsellorId],
      );
      if (current && current.agency !== agency) return { outcome: 'COUNSELLOR_OF_ANOTHER_AGENCY' };
      if (current?.office_id === officeId) {
        return { outcome: 'UNCHANGED', office: (await this.officeIn(manager, agency, officeId))! };
      }
      await manager.query(
        `INSERT INTO counsellor_offices (counsellor_id, office_id) VALUES ($1, $2)
         ON CONFLICT (counsellor_id) DO UPDATE SET office_id = EXCLUDED.office_id`,
        [counsellorId, officeId],
      );
      await manager.query(
        `WITH ended AS (${END_PERIOD} RETURNING 1)
         INSERT INTO counsellor_office_periods (counsellor_id, office_id, from_at) VALUES ($1, $2, now())`,
        [counsellorId, officeId],
      );
      return {
        outcome: 'ASSIGNED',
        previousOfficeId: current?.office_id ?? null,
        office: (await this.officeIn(manager, agency, officeId))!,
      };
    });
  }

  /** Takes a counsellor out of the agency's office (they leave the agency); false when they were not in it. */
  async unassign(agency: Agency, officeId: string, counsellorId: string): Promise<boolean> {
    const [{ left }]: { left: number }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM counsellor_offices member USING offices office
          WHERE member.counsellor_id = $1 AND member.office_id = $2
            AND office.office_id = member.office_id AND office.agency = $3
         RETURNING member.counsellor_id),
       ended AS (${END_PERIOD} AND EXISTS (SELECT 1 FROM gone) RETURNING 1)
       SELECT count(*)::int AS left FROM gone`,
      [counsellorId, officeId, agency],
    );
    return left > 0;
  }

  /** The office a counsellor belongs to in the agency, if any. */
  async officeOf(agency: Agency, counsellorId: string): Promise<string | undefined> {
    const [row]: { office_id: string }[] = await this.dataSource.query(
      `SELECT member.office_id FROM counsellor_offices member
         JOIN offices office ON office.office_id = member.office_id
        WHERE member.counsellor_id = $1 AND office.agency = $2`,
      [counsellorId, agency],
    );
    return row?.office_id;
  }

  private async officeIn(
    manager: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
    agency: Agency,
    officeId: string,
  ): Promise<OfficeView | undefined> {
    const rows = (await manager.query(
      `SELECT office.office_id, office.agency, office.name,
              coalesce(array_agg(member.counsellor_id ORDER BY member.counsellor_id)
                         FILTER (WHERE member.counsellor_id IS NOT NULL), '{}') AS counsellor_ids
         FROM offices office
         LEFT JOIN counsellor_offices member ON member.office_id = office.office_id
        WHERE office.office_id = $1 AND office.agency = $2
        GROUP BY office.office_id`,
      [officeId, agency],
    )) as { office_id: string; agency: Agency; name: string; counsellor_ids: string[] }[];
    return rows[0] ? toView(rows[0]) : undefined;
  }
}

function toView(row: {
  office_id: string;
  agency: Agency;
  name: string;
  counsellor_ids: string[];
}): OfficeView {
  return { officeId: row.office_id, agency: row.agency, name: row.name, counsellorIds: row.counsellor_ids };
}
