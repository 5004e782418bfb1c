import { uniqueIdentity } from './unique-identities';

/** A newcomer of working age no other test of the run registers; `overrides` may fix the birth date. */
export function newcomer(overrides: Record<string, unknown> = {}) {
  const { birthDate, nationalNumber } = uniqueIdentity(overrides.birthDate as string | undefined);
  return {
    nationalNumber,
    givenName: 'Amina',
    familyName: 'Haddad',
    birthDate,
    municipality: 'Gent',
    agency: 'IN_GENT',
    counsellorId: 'counsellor-17',
    ...overrides,
  };
}

/** A calendar date `days` before today in Brussels. */
export function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
}

/** Every target-group fact of a third-country newcomer (shared with the domain's unit tests). */
export { thirdCountryNewcomerFacts } from '../../libs/domain/src/trajectory/trajectory.fixtures';
