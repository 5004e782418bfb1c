import { checkNationalNumber, NationalNumber } from '../newcomer/national-number';
import { CalendarDate, isCalendarDate } from '../time/calendar-date';

/**
 * A registration of a newcomer with a public employment service, as a partner system sends it: VDAB for
 * Flanders, Actiris for Brussels. Only about half of the newcomers with a contract were known to VDAB in
 * 2018-2019 ("Beleids- en begrotingstoelichting 2020-2021", §VDAB); linking these registrations to trajectories
 * is what the two-month rule of the contract relies on.
 */
export const REGISTRATION_PARTNERS = ['VDAB', 'ACTIRIS'] as const;
export type RegistrationPartner = (typeof REGISTRATION_PARTNERS)[number];

export function isRegistrationPartner(value: unknown): value is RegistrationPartner {
  return typeof value === 'string' && (REGISTRATION_PARTNERS as readonly string[]).includes(value);
}

/** The documented columns of a bulk file (CSV header or JSON Lines keys), in this order. */
export const REGISTRATION_COLUMNS = [
  'nationalNumber',
  'trajectoryId',
  'registeredOn',
  'office',
  'partnerDossierId',
] as const;
export type RegistrationColumn = (typeof REGISTRATION_COLUMNS)[number];

export const MAX_OFFICE_LENGTH = 100;
export const MAX_DOSSIER_ID_LENGTH = 64;

export interface PartnerRegistration {
  nationalNumber?: NationalNumber;
  trajectoryId?: string;
  registeredOn: CalendarDate;
  office: string;
  partnerDossierId: string;
}

/** A field that is wrong and why; never repeats the value (it may be a national number). */
export interface RowProblem {
  field: string;
  reason: string;
}

export type RegistrationRowCheck =
  { valid: true; registration: PartnerRegistration } | { valid: false; problems: RowProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks one registration row: a national number or a trajectory id (or both), a registration date not after
 * `today`, the partner's office and its own dossier id. Every problem is reported, each naming its field.
 */
export function checkRegistrationRow(raw: unknown, today: CalendarDate): RegistrationRowCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return {
      valid: false,
      problems: [{ field: 'row', reason: 'must be an object with the documented fields' }],
    };
  const record = raw as Record<string, unknown>;
  const problems: RowProblem[] = [];
  const mistyped = new Set<string>();
  const text = (field: RegistrationColumn): string | undefined => {
    const value = record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      problems.push({ field, reason: 'must be text' });
      mistyped.add(field);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };

  const unknown = Object.keys(record).filter(
    (key) => !(REGISTRATION_COLUMNS as readonly string[]).includes(key),
  );
  for (const key of unknown) problems.push({ field: key, reason: 'is not a documented field' });

  const nationalNumberText = text('nationalNumber');
  const trajectoryId = text('trajectoryId');
  const registeredOnText = text('registeredOn');
  const office = text('office');
  const partnerDossierId = text('partnerDossierId');

  let nationalNumber: NationalNumber | undefined;
  if (nationalNumberText !== undefined) {
    const check = checkNationalNumber(nationalNumberText);
    if (check.valid) nationalNumber = check.nationalNumber;
    else problems.push({ field: 'nationalNumber', reason: check.reason });
  }
  if (trajectoryId !== undefined && !UUID.test(trajectoryId))
    problems.push({ field: 'trajectoryId', reason: 'must be a trajectory id (a UUID)' });
  const identified = nationalNumberText !== undefined || trajectoryId !== undefined;
  const identityProblem = problems.some((p) => p.field === 'nationalNumber' || p.field === 'trajectoryId');
  if (!identified && !identityProblem)
    problems.push({ field: 'nationalNumber', reason: 'a national number or a trajectory id is required' });

  if (mistyped.has('registeredOn')) {
    // already reported
  } else if (registeredOnText === undefined) problems.push({ field: 'registeredOn', reason: 'is required' });
  else if (!isCalendarDate(registeredOnText))
    problems.push({ field: 'registeredOn', reason: 'must be a date as YYYY-MM-DD' });
  else if (registeredOnText > today)
    problems.push({ field: 'registeredOn', reason: 'must not be in the future' });

  if (mistyped.has('office')) {
    // already reported
  } else if (office === undefined) problems.push({ field: 'office', reason: 'is required' });
  else if (office.length > MAX_OFFICE_LENGTH)
    problems.push({ field: 'office', reason: `must be at most ${MAX_OFFICE_LENGTH} characters` });

  if (mistyped.has('partnerDossierId')) {
    // already reported
  } else if (partnerDossierId === undefined)
    problems.push({ field: 'partnerDossierId', reason: 'is required' });
  else if (partnerDossierId.length > MAX_DOSSIER_ID_LENGTH)
    problems.push({
      field: 'partnerDossierId',
      reason: `must be at most ${MAX_DOSSIER_ID_LENGTH} characters`,
    });

  if (problems.length) return { valid: false, problems };
  return {
    valid: true,
    registration: {
      ...(nationalNumber === undefined ? {} : { nationalNumber }),
      ...(trajectoryId === undefined ? {} : { trajectoryId: trajectoryId.toLowerCase() }),
      registeredOn: registeredOnText as CalendarDate,
      office: office as string,
      partnerDossierId: partnerDossierId as string,
    },
  };
}
