import { ViolationRecord } from '../entities';
import { Projection, trajectoryOfStream } from './projection';

export const projectViolations: Projection = async (event, manager) => {
  switch (event.type) {
    case 'ViolationOpened': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await manager.insert(ViolationRecord, {
        trajectoryId,
        violationId: event.data.violationId,
        kind: event.data.kind,
        deadlineId: event.data.deadlineId ?? null,
        facts: event.data.facts,
        state: 'OPEN',
        openedAt: new Date(event.occurredAt),
      });
      return;
    }
    case 'FineDecisionRecorded': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await manager.update(
        ViolationRecord,
        { trajectoryId, violationId: event.data.violationId },
        {
          state: 'DECIDED',
          decision: event.data.decision,
          amountEuro: event.data.amountEuro ?? null,
          decidedOn: event.data.decidedOn,
          decisionExplanation: event.data.explanation ?? null,
        },
      );
      return;
    }
    case 'ViolationWithdrawn': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await manager.update(
        ViolationRecord,
        { trajectoryId, violationId: event.data.violationId },
        { state: 'WITHDRAWN' },
      );
      return;
    }
    default:
      return;
  }
};
