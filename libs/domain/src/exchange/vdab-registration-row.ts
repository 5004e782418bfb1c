import { checkNationalNumber, NationalNumber } from '../newcomer/national-number';
import { CalendarDate, isCalendarDate } from '../time/calendar-date';
import { nationalNumberRowProblem, RowProblem, rowProblem } from './row-problem';

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
      problems: [rowProblem('row', 'ROW_NOT_AN_OBJECT')],
    };
  const record = raw as Record<string, unknown>;
  const problems: RowProblem[] = [];
  const mistyped = new Set<string>();
  const text = (field: RegistrationColumn): string | undefined => {
    const value = record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      problems.push(rowProblem(field, 'FIELD_NOT_TEXT'));
      mistyped.add(field);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };

  const unknown = Object.keys(record).filter(
    (key) => !(REGISTRATION_COLUMNS as readonly string[]).includes(key),
  );
  for (const key of unknown) problems.push(rowProblem(key, 'FIELD_NOT_DOCUMENTED'));

  const nationalNumberText = text('nationalNumber');
  const trajectoryId = text('trajectoryId');
  const registeredOnText = text('registeredOn');
  const office = text('office');
  const partnerDossierId = text('partnerDossierId');

  let nationalNumber: NationalNumber | undefined;
  if (nationalNumberText !== undefined) {
    const check = checkNationalNumber(nationalNumberText);
    if (check.valid) nationalNumber = check.nationalNumber;
    else problems.push(nationalNumberRowProblem(check.problem));
  }
  if (trajectoryId !== undefined && !UUID.test(trajectoryId))
    problems.push(rowProblem('trajectoryId', 'FIELD_NOT_A_TRAJECTORY_ID'));
  const identified = nationalNumberText !== undefined || trajectoryId !== undefined;
  const identityProblem = problems.some((p) => p.field === 'nationalNumber' || p.field === 'trajectoryId');
  if (!identified && !identityProblem)
    problems.push(rowProblem('nationalNumber', 'NATIONAL_NUMBER_OR_TRAJECTORY_REQUIRED'));

  if (mistyped.has('registeredOn')) {
    // already reported
  } else if (registeredOnText === undefined) problems.push(rowProblem('registeredOn', 'FIELD_REQUIRED'));
  else if (!isCalendarDate(registeredOnText)) problems.push(rowProblem('registeredOn', 'FIELD_NOT_A_DATE'));
  else if (registeredOnText > today) problems.push(rowProblem('registeredOn', 'FIELD_IN_FUTURE'));

  if (mistyped.has('office')) {
    // already reported
  } else if (office === undefined) problems.push(rowProblem('office', 'FIELD_REQUIRED'));
  else if (office.length > MAX_OFFICE_LENGTH)
    problems.push(rowProblem('office', 'FIELD_TOO_LONG', { maxLength: MAX_OFFICE_LENGTH }));

  if (mistyped.has('partnerDossierId')) {
    // already reported
  } else if (partnerDossierId === undefined) problems.push(rowProblem('partnerDossierId', 'FIELD_REQUIRED'));
  else if (partnerDossierId.length > MAX_DOSSIER_ID_LENGTH)
    problems.push(rowProblem('partnerDossierId', 'FIELD_TOO_LONG', { maxLength: MAX_DOSSIER_ID_LENGTH }));

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
