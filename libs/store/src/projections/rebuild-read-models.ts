import { DataSource } from 'typeorm';
import {
  DeadlineRecord,
  ParticipationActivityRecord,
  PillarRecord,
  ProjectionCheckpointRecord,
  TrajectorySummaryRecord,
  ViolationRecord,
} from '../entities';
import { readEventRecords, toRecordedEvent } from '../event-records';
import { projectEvent } from './projector';

export const READ_MODELS_CHECKPOINT = 'read-models';

export interface RebuildResult {
  eventsReplayed: number;
  /** Position of the last event replayed ('0' for an empty store). */
  position: string;
}

/**
 * Empties the read models and replays every event in position order, in one transaction: readers see the old rows
 * until the new ones are complete. Appends wait meanwhile (SHARE lock on events), so no event is missed. The outbox
 * is kept: messages are enqueued once per causing event, so the replay sends nothing again.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  options: { batchSize?: number } = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 500;
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE events IN SHARE MODE');
    const readModels = [
      TrajectorySummaryRecord,
      DeadlineRecord,
      ViolationRecord,
      PillarRecord,
      ParticipationActivityRecord,
    ].map((entity) => manager.getRepository(entity).metadata.tableName);
    await manager.query(`TRUNCATE ${readModels.join(', ')}`);

    let eventsReplayed = 0;
    let position = '0';
    for (;;) {
      const batch = await readEventRecords(manager, (BigInt(position) + 1n).toString(), batchSize);
      for (const record of batch) {
        await projectEvent(toRecordedEvent(record), manager);
      }
      eventsReplayed += batch.length;
      if (batch.length > 0) position = batch[batch.length - 1].position;
      if (batch.length < batchSize) break;
    }
    await manager.upsert(
      ProjectionCheckpointRecord,
      { name: READ_MODELS_CHECKPOINT, position, updatedAt: new Date() },
      ['name'],
    );
    return { eventsReplayed, position };
  });
}
