import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  TrajectoryState,
  ViolationFileDocument,
  violationFileDocument,
} from '../../../../../libs/domain/src';
import { EventStore, toTrajectoryEvent } from '../../../../../libs/store/src';
import { positional, ReadScope, scopeConditionOn } from '../../../../../libs/store/src/queries/read-scope';

/**
 * A violation file as a document for the enforcement officer: found in the violations read model within the
 * caller's scope (in SQL; outside it: 404, as for every trajectory), built from the trajectory's folded state and
 * its events by the domain (libs/domain/src/enforcement/violation-file-document.ts).
 */
@Injectable()
export class ViolationDocumentService {
  private readonly events: EventStore;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.events = new EventStore(dataSource);
  }

  async document(violationId: string, scope: ReadScope): Promise<ViolationFileDocument> {
    const parameters: unknown[] = [violationId];
    const inScope = scopeConditionOn(scope, 'v.trajectory_id', positional(parameters));
    const [found] = await this.dataSource.query<{ trajectory_id: string; state: TrajectoryState }[]>(
      `SELECT v.trajectory_id, s.state FROM violations v
         JOIN trajectory_states s ON s.stream_id = v.trajectory_id
        WHERE v.violation_id = $1 AND ${inScope}`,
      parameters,
    );
    if (!found) throw new NotFoundException(`violation file ${violationId} not found`);
    const events = (await this.events.readStream(found.trajectory_id)).map(toTrajectoryEvent);
    const document = violationFileDocument(found.state, events, violationId);
    if (!document) throw new NotFoundException(`violation file ${violationId} not found`);
    return document;
  }
}
