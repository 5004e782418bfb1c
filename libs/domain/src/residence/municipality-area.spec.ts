import { agencyForNisCode, regionOfNisCode } from './municipality-area';

describe('municipality area', () => {
  it.each([
    ['11002', 'FLANDERS', 'ATLAS'], // Antwerpen
    ['44021', 'FLANDERS', 'IN_GENT'], // Gent
    ['12025', 'FLANDERS', 'AGII'], // Mechelen
    ['24062', 'FLANDERS', 'AGII'], // Leuven
    ['71022', 'FLANDERS', 'AGII'], // Hasselt
    ['31005', 'FLANDERS', 'AGII'], // Brugge
    ['21004', 'BRUSSELS', 'AGII'], // Brussel
    ['21015', 'BRUSSELS', 'AGII'], // Schaarbeek
    ['62063', 'WALLONIA', undefined], // Liège
    ['25072', 'WALLONIA', undefined], // Ottignies-Louvain-la-Neuve
    ['92094', 'WALLONIA', undefined], // Namur
  ])('%s lies in %s, in the area of %s', (nisCode, region, agency) => {
    expect(regionOfNisCode(nisCode)).toBe(region);
    expect(agencyForNisCode(nisCode)).toBe(agency);
  });

  it.each(['', '1100', '110020', 'ABCDE', '01002', '22001'])('%p is not a municipality code', (code) => {
    expect(regionOfNisCode(code)).toBeUndefined();
    expect(agencyForNisCode(code)).toBeUndefined();
  });
});
