import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { PARTICIPATION_FIELDS } from './commands';
import { endNotBeforeStart, FieldSpec, nationalNumberMatchesBirthDate, toBody, validate } from './fields';
import { registrationFields } from '../pages/RegisterPage';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('nl', key, params);

describe("the forms' own checks", () => {
  const registration = registrationFields('IN_GENT', 'counsellor-gent');
  const valid = {
    nationalNumber: '90.04.12-123.77',
    givenName: 'Amina',
    familyName: 'Haddad',
    birthDate: '12/04/1990',
    municipality: 'Gent',
    agency: 'IN_GENT',
    counsellorId: 'counsellor-gent',
    registeredOn: '',
  };

  it('accepts a complete registration and sends dates and the national number as the API wants them', () => {
    expect(validate(registration, valid, t, [nationalNumberMatchesBirthDate])).toEqual({});
    expect(toBody(registration, valid)).toEqual({
      nationalNumber: '90041212377',
      givenName: 'Amina',
      familyName: 'Haddad',
      birthDate: '1990-04-12',
      municipality: 'Gent',
      agency: 'IN_GENT',
      counsellorId: 'counsellor-gent',
    });
  });

  it('names every missing required field', () => {
    const errors = validate(registration, { ...valid, givenName: ' ', municipality: '', birthDate: '' }, t);
    expect(errors).toEqual({
      givenName: 'Vul dit veld in.',
      municipality: 'Vul dit veld in.',
      birthDate: 'Vul dit veld in.',
    });
  });

  it('refuses a national number with a wrong checksum, and one that does not match the birth date', () => {
    expect(validate(registration, { ...valid, nationalNumber: '90041212378' }, t).nationalNumber).toBe(
      'Dit is geen geldig rijksregisternummer (YY.MM.DD-XXX.CC).',
    );
    expect(
      validate(registration, { ...valid, birthDate: '13/04/1990' }, t, [nationalNumberMatchesBirthDate])
        .nationalNumber,
    ).toBe('Het rijksregisternummer past niet bij de geboortedatum.');
  });

  it('refuses an impossible date and a date in another format', () => {
    expect(validate(registration, { ...valid, birthDate: '31/04/1990' }, t).birthDate).toBe(
      'Geef een datum als dd/mm/jjjj.',
    );
    expect(validate(registration, { ...valid, registeredOn: '04-31-2026' }, t).registeredOn).toBe(
      'Geef een datum als dd/mm/jjjj.',
    );
  });

  it('checks participation hours: a number within 0.25 to 40, an end not before the start', () => {
    const activity = {
      kind: 'VOLUNTEERING',
      hours: '3,5',
      startedOn: '10/03/2026',
      endedOn: '09/03/2026',
      organisation: 'Buurtwerk',
    };
    expect(validate(PARTICIPATION_FIELDS, activity, t, [endNotBeforeStart])).toEqual({
      endedOn: 'De einddatum ligt voor de begindatum.',
    });
    expect(validate(PARTICIPATION_FIELDS, { ...activity, hours: '41', endedOn: '10/03/2026' }, t)).toEqual({
      hours: 'Geef een getal van 0.25 tot 40.',
    });
    expect(validate(PARTICIPATION_FIELDS, { ...activity, hours: 'veel', endedOn: '10/03/2026' }, t)).toEqual({
      hours: 'Geef een getal.',
    });
    expect(toBody(PARTICIPATION_FIELDS, { ...activity, endedOn: '10/03/2026' })).toMatchObject({
      hours: 3.5,
    });
  });

  it('sends a checkbox as a boolean and leaves an empty optional field out', () => {
    const fields: FieldSpec[] = [
      { name: 'passed', label: 'field.passed', type: 'boolean' },
      { name: 'explanation', label: 'field.explanation', type: 'textarea', maxLength: 5 },
    ];
    expect(toBody(fields, { passed: 'true', explanation: '' })).toEqual({ passed: true });
    expect(validate(fields, { passed: 'false', explanation: 'te lang' }, t)).toEqual({
      explanation: 'Maximaal 5 tekens.',
    });
  });
});
