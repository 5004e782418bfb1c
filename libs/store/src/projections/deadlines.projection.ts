import { In, MoreThanOrEqual } from 'typeorm';
import { DeadlineRecord } from '../entities';
import { Projection, trajectoryOfStream } from './projection';

/**
 * Deadline rows copy the trajectory's agency, counsellor and municipality for filtering; an event that changes those
 * on the trajectory must update its deadline rows as well.
 */
export const projectDeadlines: Projection = async (event, manager) => {
  const deadlines = manager.getRepository(DeadlineRecord);
  switch (event.type) {
    case 'DeadlineSet': {
      const trajectory = await trajectoryOfStream(manager, event);
      // Setting a deadline again replaces it, as the domain's evolve does.
      await deadlines.upsert(
        {
          trajectoryId: trajectory.trajectoryId,
          deadlineId: event.data.deadlineId,
          kind: event.data.kind,
          dueOn: event.data.dueOn,
          state: 'OPEN',
          metOn: null,
          anchor: event.data.anchor,
          anchorOn: event.data.anchorOn,
          policyVersion: event.data.policyVersion,
          source: event.data.source,
          agency: trajectory.agency,
          counsellorId: trajectory.counsellorId,
          municipality: trajectory.municipality,
        },
        ['trajectoryId', 'deadlineId'],
      );
      return;
    }
    case 'DeadlineMet': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update(
        { trajectoryId, deadlineId: event.data.deadlineId },
        { state: 'MET', metOn: event.data.metOn },
      );
      return;
    }
    case 'DeadlineMissed': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update({ trajectoryId, deadlineId: event.data.deadlineId }, { state: 'MISSED' });
      return;
    }
    case 'DeadlineWaived': {
      // E.g. the VDAB registration deadline when the WORK pillar is waived.
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update({ trajectoryId, deadlineId: event.data.deadlineId }, { state: 'WAIVED' });
      return;
    }
    case 'TrajectorySuspended': {
      // Running deadlines pause; one that fell due before the suspension stays OPEN, to be missed (as evolve does).
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update(
        { trajectoryId, state: 'OPEN', dueOn: MoreThanOrEqual(event.data.suspendedFrom) },
        { state: 'SUSPENDED' },
      );
      return;
    }
    case 'TrajectoryResumed': {
      // The DeadlineMoved events that follow carry the new due dates.
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update({ trajectoryId, state: 'SUSPENDED' }, { state: 'OPEN' });
      return;
    }
    case 'DeadlineMoved': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update(
        { trajectoryId, deadlineId: event.data.deadlineId },
        { dueOn: event.data.dueOn },
      );
      return;
    }
    case 'TrajectoryTransferred': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update(
        { trajectoryId },
        { agency: event.data.toAgency, counsellorId: event.data.counsellorId ?? null },
      );
      return;
    }
    case 'NewcomerMoved': {
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update({ trajectoryId }, { municipality: event.data.municipality });
      return;
    }
    case 'FactCorrected': {
      if (event.data.fact !== 'VDAB_REGISTRATION_DATE') return;
      // The summary is projected first: it has a VDAB registration date only if one was recorded to correct.
      const trajectory = await trajectoryOfStream(manager, event);
      if (!trajectory.vdabRegisteredOn) return;
      await deadlines.update(
        {
          trajectoryId: trajectory.trajectoryId,
          kind: In(['VDAB_REGISTRATION', 'ACTIRIS_REGISTRATION']),
          state: 'MET',
        },
        { metOn: event.data.correctedDate },
      );
      return;
    }
    case 'TrajectoryClosed': {
      // Closing waives what still runs or is paused; met and missed deadlines keep their outcome.
      const { trajectoryId } = await trajectoryOfStream(manager, event);
      await deadlines.update({ trajectoryId, state: In(['OPEN', 'SUSPENDED']) }, { state: 'WAIVED' });
      return;
    }
    default:
      return;
  }
};
