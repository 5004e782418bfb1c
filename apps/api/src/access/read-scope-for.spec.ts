import { NOTHING } from '../../../../libs/store/src/queries/read-scope';
import { BRUSSELS_MUNICIPALITIES } from './brussels-municipalities';
import { readScopeFor } from './read-scope-for';

describe('readScopeFor', () => {
  it('limits agencies to their own cases and refuses an organisation that is no agency', () => {
    expect(readScopeFor({ subject: 'c', role: 'counsellor', organisation: 'ATLAS' })).toEqual({
      agencies: ['ATLAS'],
    });
    expect(readScopeFor({ subject: 'm', role: 'manager', organisation: 'VDAB' })).toBe(NOTHING);
  });

  it('gives VDAB the work pillar outside Brussels and Actiris inside, and nothing without a region', () => {
    const vdab = readScopeFor({
      subject: 'v',
      role: 'work-partner',
      organisation: 'VDAB',
      region: 'FLANDERS',
    });
    expect(vdab).toEqual({ pillarApplies: 'WORK', excludedMunicipalities: BRUSSELS_MUNICIPALITIES });
    const actiris = readScopeFor({
      subject: 'a',
      role: 'work-partner',
      organisation: 'ACTIRIS',
      region: 'BRUSSELS',
    });
    expect(actiris).toEqual({ pillarApplies: 'WORK', municipalities: BRUSSELS_MUNICIPALITIES });
    expect(readScopeFor({ subject: 'x', role: 'work-partner', organisation: 'VDAB' })).toBe(NOTHING);
  });

  it('scopes a coordinator to its municipality, a test centre to its learners, the officer to violation files', () => {
    expect(
      readScopeFor({
        subject: 'g',
        role: 'municipality-coordinator',
        organisation: 'Gent',
        municipality: 'Gent',
      }),
    ).toEqual({ municipalities: ['Gent'] });
    expect(readScopeFor({ subject: 'g', role: 'municipality-coordinator', organisation: 'Gent' })).toBe(
      NOTHING,
    );
    expect(readScopeFor({ subject: 't', role: 'test-centre', organisation: 'CVO Gent' })).toEqual({
      courseProvider: 'CVO Gent',
    });
    expect(readScopeFor({ subject: 'o', role: 'enforcement-officer', organisation: 'ABB' })).toEqual({
      withViolationFile: true,
    });
    expect(readScopeFor({ subject: 'd', role: 'data-protection-officer', organisation: 'AGII' })).toBe(
      NOTHING,
    );
  });
});
