import { Agency, isAgency } from '../../../../libs/domain/src';
import { NOTHING, ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { ACCESS_POLICY } from './access-policy';
import { BRUSSELS_MUNICIPALITIES } from './brussels-municipalities';
import type { Principal } from './principal';

/** The trajectories a caller may see, as the store's SQL scope; a claim the rule needs but lacks sees nothing. */
export function readScopeFor(principal: Principal): ReadScope {
  switch (ACCESS_POLICY[principal.role].scope) {
    case 'own-agency':
      return isAgency(principal.organisation) ? { agencies: [principal.organisation as Agency] } : NOTHING;
    case 'work-region':
      if (principal.region === 'BRUSSELS')
        return { pillarApplies: 'WORK', municipalities: BRUSSELS_MUNICIPALITIES };
      if (principal.region === 'FLANDERS')
        return { pillarApplies: 'WORK', excludedMunicipalities: BRUSSELS_MUNICIPALITIES };
      return NOTHING;
    case 'own-municipality':
      return principal.municipality ? { municipalities: [principal.municipality] } : NOTHING;
    case 'referred-learners':
      return { courseProvider: principal.organisation };
    case 'violation-files':
      return { withViolationFile: true };
    case 'none':
      return NOTHING;
  }
}
