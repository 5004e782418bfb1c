/**
 * The three agencies that own trajectories (Beleidsbrief 2015-2016 l.3-7, BBT 2020-2021 l.1638).
 */
export const AGENCIES = {
  AGII: 'Agentschap Integratie en Inburgering',
  ATLAS: 'Stedelijk agentschap Antwerpen (Atlas)',
  IN_GENT: 'Stedelijk agentschap Gent (IN-Gent)',
} as const;

export type Agency = keyof typeof AGENCIES;

export const AGENCY_CODES = Object.keys(AGENCIES) as Agency[];

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && Object.hasOwn(AGENCIES, value);
}
