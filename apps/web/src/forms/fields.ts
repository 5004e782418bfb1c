import { checkNationalNumber } from '../../../../libs/domain/src/newcomer/national-number';
import { nationalNumberDigits, parseBelgianDate } from '../format/format';
import type { MessageKey } from '../i18n/nl';
import type { Translate } from '../i18n/i18n';

/** One control of a command's form: what it asks, how it is checked, and how its value is sent. */
export interface FieldSpec {
  name: string;
  label: MessageKey;
  type: 'text' | 'date' | 'number' | 'boolean' | 'select' | 'nationalNumber' | 'textarea';
  required?: boolean;
  options?: readonly string[];
  /** The catalogue prefix for the options' labels, e.g. 'option.'. */
  optionLabel?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  /** A value the form starts with. */
  initial?: string;
}

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

/** A check over several fields (a national number against the birth date, an end after a start). */
export type CrossCheck = (values: FormValues, t: Translate) => FormErrors;

/** The form's own checks, before anything is sent; the API checks again and its reasons win. */
export function validate(
  fields: readonly FieldSpec[],
  values: FormValues,
  t: Translate,
  checks: readonly CrossCheck[] = [],
): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const raw = (values[field.name] ?? '').trim();
    if (field.type === 'boolean') continue;
    if (raw === '') {
      if (field.required) errors[field.name] = t('form.required');
      continue;
    }
    if (field.maxLength !== undefined && raw.length > field.maxLength) {
      errors[field.name] = t('form.tooLong', { max: field.maxLength });
      continue;
    }
    switch (field.type) {
      case 'date':
        if (!parseBelgianDate(raw)) errors[field.name] = t('form.invalidDate');
        break;
      case 'number': {
        const number = Number(raw.replace(',', '.'));
        if (!Number.isFinite(number)) errors[field.name] = t('form.invalidNumber');
        else if (
          (field.min !== undefined && number < field.min) ||
          (field.max !== undefined && number > field.max)
        )
          errors[field.name] = t('form.numberRange', { min: field.min ?? '', max: field.max ?? '' });
        break;
      }
      case 'nationalNumber':
        if (!checkNationalNumber(nationalNumberDigits(raw)).valid)
          errors[field.name] = t('form.invalidNationalNumber');
        break;
      case 'select':
        if (field.options && !field.options.includes(raw)) errors[field.name] = t('form.required');
        break;
    }
  }
  for (const check of checks) {
    for (const [name, message] of Object.entries(check(values, t))) errors[name] ??= message;
  }
  return errors;
}

/** The request body: dates as YYYY-MM-DD, numbers as numbers, checkboxes as booleans, empty fields left out. */
export function toBody(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = (values[field.name] ?? '').trim();
    if (field.type === 'boolean') {
      body[field.name] = raw === 'true';
      continue;
    }
    if (raw === '') continue;
    body[field.name] =
      field.type === 'date'
        ? parseBelgianDate(raw)
        : field.type === 'number'
          ? Number(raw.replace(',', '.'))
          : field.type === 'nationalNumber'
            ? nationalNumberDigits(raw)
            : raw;
  }
  return body;
}

export function initialValues(fields: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(
    fields.map((field) => [field.name, field.initial ?? (field.type === 'boolean' ? 'false' : '')]),
  );
}

/** The national number must carry the birth date (YYMMDD; BIS numbers add 20 or 40 to the month). */
export const nationalNumberMatchesBirthDate: CrossCheck = (values, t): FormErrors => {
  const check = checkNationalNumber(nationalNumberDigits(values.nationalNumber ?? ''));
  const birthDate = parseBelgianDate(values.birthDate ?? '');
  if (!check.valid || !birthDate || !check.birthDate) return {};
  return check.birthDate === birthDate ? {} : { nationalNumber: t('form.nationalNumberBirthDate') };
};

export const endNotBeforeStart: CrossCheck = (values, t): FormErrors => {
  const start = parseBelgianDate(values.startedOn ?? '');
  const end = parseBelgianDate(values.endedOn ?? '');
  return start && end && end < start ? { endedOn: t('form.endBeforeStart') } : {};
};
