import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { calendarDateAt } from '../../../../libs/domain/src';
import { AuditTrail } from '../../../../libs/store/src/queries/audit-trail';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import type { TrajectoryQueries } from '../../../../libs/store/src/read-models.types';
import { AuditedRequest, auditEntryOf } from '../access/audit.interceptor';
import { csvHeader, csvLines } from '../http/csv';
import { StreamedAnswer } from '../http/streamed-answer';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { caseloadFilterOf, WholeCaseloadQuery } from './dto/caseload.query';
import { CASELOAD_CSV_COLUMNS } from './views/caseload.view';

/** One request for a whole caseload: its filters within the caller's scope, the format, and where it goes. */
export interface WholeCaseloadAsked {
  query: WholeCaseloadQuery;
  scope: ReadScope;
  format: 'csv' | 'json';
  request: AuditedRequest;
  response: ServerResponse;
}

/**
 * Whole-caseload exports one API process runs at once. Each holds a pooled database connection (and a snapshot) for
 * as long as its client reads, so more would take the connections the other requests need; another is answered 503,
 * to be retried in a few seconds (an export of 77,562 cases takes under a second to read and write).
 */
export const EXPORTS_AT_ONCE = 2;

/**
 * A whole caseload as one answer, however large (an agency's 77,562 open cases in the simulated year): read in one
 * snapshot and written as it is read, CSV or JSON, so that the API holds a chunk of rows at a time. The audit entry,
 * with every trajectory of the answer, is stored before the first byte leaves.
 */
@Injectable()
export class CaseloadExport {
  private running = 0;

  constructor(
    @Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries,
    private readonly trail: AuditTrail,
  ) {}

  async write(asked: WholeCaseloadAsked): Promise<void> {
    if (this.running >= EXPORTS_AT_ONCE) {
      asked.response.setHeader('Retry-After', '5');
      throw new ServiceUnavailableException(
        `${EXPORTS_AT_ONCE} caseload exports are running on this server; retry in a few seconds`,
      );
    }
    this.running += 1;
    try {
      await this.stream(asked);
    } finally {
      this.running -= 1;
    }
  }

  private async stream({ query, scope, format, request, response }: WholeCaseloadAsked): Promise<void> {
    const filter = { ...caseloadFilterOf(query), scope, today: calendarDateAt(Date.now()) };
    const answer = new StreamedAnswer(response);
    let written = 0;
    await this.queries.readWholeCaseload(filter, {
      trajectories: async (trajectoryIds) => {
        await this.trail.record(auditEntryOf(request, 200, trajectoryIds));
        if (format === 'csv') {
          answer.begin('text/csv; charset=utf-8', 'caseload.csv');
          await answer.write(csvHeader(CASELOAD_CSV_COLUMNS));
        } else {
          answer.begin('application/json; charset=utf-8');
          await answer.write(`{"total":${trajectoryIds.length},"items":[`);
        }
      },
      rows: async (entries) => {
        if (format === 'csv') await answer.write(csvLines(CASELOAD_CSV_COLUMNS, entries));
        else
          await answer.write(
            `${written ? ',' : ''}${entries.map((entry) => JSON.stringify(entry)).join(',')}`,
          );
        written += entries.length;
      },
    });
    answer.end(format === 'csv' ? '' : ']}');
  }
}
