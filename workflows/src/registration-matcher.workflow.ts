import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { RegistrationExchangeActivities } from './registration-exchange.activities';

const { linkAwaitingRegistrations } = proxyActivities<RegistrationExchangeActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface RegistrationMatcherInput {
  /** Pause between two looks at the queue (default 5 s). */
  intervalMs?: number;
  /** Looks before continue-as-new keeps the history short (default 200). */
  roundsPerRun?: number;
}

export function registrationMatcherWorkflowId(taskQueue: string): string {
  return `registration-matcher-${taskQueue}`;
}

/**
 * Keeps looking for unmatched partner registrations whose newcomer has opened a trajectory since, and links
 * them through the trajectory's own workflow. One per task queue, started by the API.
 */
export async function registrationMatcherWorkflow(input: RegistrationMatcherInput = {}): Promise<void> {
  const rounds = input.roundsPerRun ?? 200;
  for (let round = 0; round < rounds; round++) {
    const { linked, conflicts } = await linkAwaitingRegistrations(100);
    // A full page means more may be waiting: look again at once.
    if (linked + conflicts < 100) await sleep(input.intervalMs ?? 5_000);
  }
  await continueAsNew<typeof registrationMatcherWorkflow>(input);
}
