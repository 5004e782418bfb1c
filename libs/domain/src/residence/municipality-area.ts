import { Agency } from '../agency';
import { Region } from '../target-group/target-group-facts';

/** Where a newcomer lives: a Belgian region, or abroad. */
export type ResidenceRegion = Region | 'ABROAD';

/**
 * A Belgian municipality is identified by its NIS code (Statbel's REFNIS), five digits whose first one or two
 * give the province or, for 21xxx, the Brussels-Capital Region. The code tells the region without a list of
 * names, and stays valid through the Flemish municipal mergers of 2025 (merged municipalities keep the province).
 */
const PROVINCE_PREFIXES: readonly { prefix: string; region: Region }[] = [
  { prefix: '21', region: 'BRUSSELS' },
  { prefix: '23', region: 'FLANDERS' }, // Vlaams-Brabant: Halle-Vilvoorde
  { prefix: '24', region: 'FLANDERS' }, // Vlaams-Brabant: Leuven
  { prefix: '25', region: 'WALLONIA' }, // Brabant wallon
  { prefix: '1', region: 'FLANDERS' }, // Antwerpen
  { prefix: '3', region: 'FLANDERS' }, // West-Vlaanderen
  { prefix: '4', region: 'FLANDERS' }, // Oost-Vlaanderen
  { prefix: '5', region: 'WALLONIA' }, // Hainaut
  { prefix: '6', region: 'WALLONIA' }, // Liège
  { prefix: '7', region: 'FLANDERS' }, // Limburg
  { prefix: '8', region: 'WALLONIA' }, // Luxembourg
  { prefix: '9', region: 'WALLONIA' }, // Namur
];

/** The two cities with their own agency (Agentschap Integratie en Inburgering, "Wie zijn we", docs/sources.md). */
export const CITY_AGENCY_MUNICIPALITIES: Readonly<
  Record<'ATLAS' | 'IN_GENT', { nisCode: string; name: string }>
> = {
  ATLAS: { nisCode: '11002', name: 'Antwerpen' },
  IN_GENT: { nisCode: '44021', name: 'Gent' },
};

/** The region of a NIS code, or undefined when it is not a Belgian municipality code. */
export function regionOfNisCode(nisCode: string): Region | undefined {
  if (!/^[1-9]\d{4}$/.test(nisCode)) return undefined;
  if (nisCode.startsWith('2') && !['21', '23', '24', '25'].includes(nisCode.slice(0, 2))) return undefined;
  return PROVINCE_PREFIXES.find(({ prefix }) => nisCode.startsWith(prefix))?.region;
}

/**
 * The agency whose area a municipality is in: Atlas for Antwerpen, IN-Gent for Gent, the Agentschap Integratie
 * en Inburgering for the rest of Flanders and for Brussels; none outside Flanders and Brussels.
 */
export function agencyForNisCode(nisCode: string): Agency | undefined {
  const region = regionOfNisCode(nisCode);
  if (region !== 'FLANDERS' && region !== 'BRUSSELS') return undefined;
  if (nisCode === CITY_AGENCY_MUNICIPALITIES.ATLAS.nisCode) return 'ATLAS';
  if (nisCode === CITY_AGENCY_MUNICIPALITIES.IN_GENT.nisCode) return 'IN_GENT';
  return 'AGII';
}
