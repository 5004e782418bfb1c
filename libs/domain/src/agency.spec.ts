import { AGENCIES, AGENCY_CODES, isAgency } from './agency';

describe('agencies', () => {
  it('are the three agencies that own trajectories', () => {
    expect(AGENCY_CODES).toEqual(['AGII', 'ATLAS', 'IN_GENT']);
    expect(AGENCIES.ATLAS).toBe('Stedelijk agentschap Antwerpen (Atlas)');
  });

  it.each([
    ['AGII', true],
    ['ATLAS', true],
    ['IN_GENT', true],
    ['in_gent', false],
    ['VDAB', false],
    ['', false],
    ['toString', false],
    ['constructor', false],
    ['__proto__', false],
    ['hasOwnProperty', false],
    [undefined, false],
    [42, false],
  ])('isAgency(%p) is %p', (value, expected) => {
    expect(isAgency(value)).toBe(expected);
  });
});
