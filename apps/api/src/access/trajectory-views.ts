import type { TrajectorySummary } from '../trajectories/trajectory-reads.service';
import { ACCESS_POLICY } from './access-policy';
import type { Principal } from './principal';

/**
 * A trajectory as the caller's view (access-policy.ts) shows it: partners get only the fields their job needs.
 * Fields outside the view are left out of the answer, not blanked.
 */
export function trajectoryAsSeenBy(
  principal: Principal,
  summary: TrajectorySummary,
): Partial<TrajectorySummary> {
  const identity = {
    trajectoryId: summary.trajectoryId,
    givenName: summary.givenName,
    familyName: summary.familyName,
    status: summary.status,
  };
  switch (ACCESS_POLICY[principal.role].view) {
    case 'full':
      return summary;
    case 'work-match':
      return {
        ...identity,
        nationalNumber: summary.nationalNumber,
        contractSignedOn: summary.contractSignedOn,
        vdabRegisteredOn: summary.vdabRegisteredOn,
        deadlines: summary.deadlines.filter((deadline) => deadline.kind === 'VDAB_REGISTRATION'),
      };
    case 'participation':
      return {
        ...identity,
        municipality: summary.municipality,
        pillars: summary.pillars.filter((pillar) => pillar.pillar === 'PARTICIPATION'),
      };
    case 'course':
      return {
        ...identity,
        pillars: summary.pillars.filter((pillar) => pillar.pillar === 'MO' || pillar.pillar === 'NT2'),
      };
    case 'violation-file':
      return { trajectoryId: summary.trajectoryId, violations: summary.violations };
  }
}
