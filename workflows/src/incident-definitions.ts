import { defineUpdate } from '@temporalio/workflow';

/**
 * Incidents: a trajectory whose workflow cannot record a command's events after its retries (the store keeps
 * failing for a reason other than the data) holds that command, refuses new ones with the incident's reason, and
 * reports the incident for operators. An operator retries it after the fix; the held command then completes.
 */
export interface RetryIncidentRequest {
  incidentId: string;
  /** Who retried (an operator). */
  actor: string;
}

export interface RetryIncidentResult {
  incidentId: string;
  /** True when the held command's events are now recorded; false when it failed again (see `cause`). */
  resolved: boolean;
  cause?: string;
}

export const retryIncidentUpdate = defineUpdate<RetryIncidentResult, [RetryIncidentRequest]>('retryIncident');

/** ApplicationFailure type of a retry for an incident the trajectory does not hold (resolved, or unknown). */
export const INCIDENT_NOT_OPEN = 'IncidentNotOpen';
