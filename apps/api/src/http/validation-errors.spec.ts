import { BadRequestException } from '@nestjs/common';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidationError,
} from 'class-validator';
import { REJECTION_REASONS } from '../../../../libs/domain/src/trajectory/rejection-reasons';
import { IsCalendarDate } from '../validation/is-calendar-date';
import { IsNationalNumber } from '../validation/is-national-number';
import { badRequest, createValidationPipe, violationsIn, violationsOf } from './validation-errors';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
  value?: unknown,
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children, value });
}

class Keyed {
  @MaxLength(5)
  name!: string;

  @Min(1)
  count!: number;

  @Max(10)
  size!: number;

  @IsIn(['AGII', 'ATLAS', 'IN_GENT'])
  agency!: string;

  @Matches(/\S/, { message: '$property must not be blank' })
  blank!: string;

  @IsCalendarDate()
  on!: string;

  @IsNationalNumber()
  insz!: string;

  @IsBoolean()
  flag!: boolean;

  @IsString()
  missing!: string;
}

class Sample {
  @IsString()
  @MaxLength(5)
  name!: string;

  @IsInt()
  @Min(1)
  count!: number;
}

describe('validation errors', () => {
  it('lists one violation per bad field, nested fields as dotted paths; a missing field is required', () => {
    const errors = [
      error('birthDate', { isCalendarDate: 'birthDate must be a real date written YYYY-MM-DD' }, [], '1990'),
      error('newcomer', {}, [
        error('givenName', {
          matches: 'givenName must not be blank',
          isString: 'givenName must be a string',
        }),
      ]),
    ];
    expect(violationsOf(errors)).toEqual([
      {
        field: 'birthDate',
        reason: 'birthDate must be a real date written YYYY-MM-DD',
        key: 'INPUT_NOT_A_REAL_DATE',
        params: { field: 'birthDate' },
      },
      {
        field: 'newcomer.givenName',
        reason: 'givenName is required',
        key: 'INPUT_REQUIRED',
        params: { field: 'newcomer.givenName' },
      },
    ]);
  });

  it('lists a reason that two constraints of the same field give once', () => {
    const errors = [
      error('profile', {
        isObject: 'profile must be an object',
        nestedValidation: 'profile must be an object',
      }),
    ];
    expect(violationsOf(errors)).toEqual([{ field: 'profile', reason: 'profile must be an object' }]);
  });

  it('keeps a custom reason for a missing field', () => {
    expect(violationsOf([error('agency', { isIn: 'counsellorId or agency is required' })])).toEqual([
      { field: 'agency', reason: 'counsellorId or agency is required' },
    ]);
  });

  it('gives the first check written on a field, not every one it fails', async () => {
    const pipe = createValidationPipe();
    const thrown = await pipe
      .transform({ name: 42, count: 'ten' }, { type: 'body', metatype: Sample })
      .catch((caught: unknown) => caught);
    expect(violationsIn(thrown as BadRequestException)).toEqual([
      { field: 'name', reason: 'name must be a string', key: 'INPUT_NOT_TEXT', params: { field: 'name' } },
      {
        field: 'count',
        reason: 'count must be an integer number',
        key: 'INPUT_NOT_A_WHOLE_NUMBER',
        params: { field: 'count' },
      },
    ]);
  });

  it("keys each check's reason, with its parameters, so that a reader's language can word it", async () => {
    const pipe = createValidationPipe();
    const body = {
      name: 'far too long',
      count: 0,
      size: 11,
      agency: 'MARS',
      blank: '  ',
      on: '2026-02-30',
      insz: '85073100342',
      flag: 'yes',
      colour: 'red',
    };
    const thrown = await pipe
      .transform(body, { type: 'body', metatype: Keyed })
      .catch((caught: unknown) => caught);
    const keyed = (thrown as BadRequestException).getResponse() as {
      errors: { field: string; reason?: string; params?: Record<string, unknown> }[];
    };
    expect(keyed.errors.map(({ field, reason, params }) => ({ field, reason, params }))).toEqual([
      { field: 'colour', reason: 'INPUT_NOT_DOCUMENTED', params: { field: 'colour' } },
      { field: 'name', reason: 'INPUT_TOO_LONG', params: { field: 'name', maxLength: 5 } },
      { field: 'count', reason: 'INPUT_TOO_SMALL', params: { field: 'count', min: 1 } },
      { field: 'size', reason: 'INPUT_TOO_LARGE', params: { field: 'size', max: 10 } },
      {
        field: 'agency',
        reason: 'MUST_BE_ONE_OF',
        params: { field: 'agency', allowed: 'AGII, ATLAS, IN_GENT' },
      },
      { field: 'blank', reason: 'MUST_NOT_BE_EMPTY', params: { field: 'blank' } },
      { field: 'on', reason: 'INPUT_NOT_A_REAL_DATE', params: { field: 'on' } },
      { field: 'insz', reason: 'NATIONAL_NUMBER_CHECKSUM_MISMATCH', params: { field: 'insz' } },
      { field: 'flag', reason: 'MUST_BE_TRUE_OR_FALSE', params: { field: 'flag' } },
      // A missing field with one check is told that check's reason.
      { field: 'missing', reason: 'INPUT_NOT_TEXT', params: { field: 'missing' } },
    ]);
    // Every key is one of the domain's reasons, so the web application has its Dutch.
    for (const { reason } of keyed.errors) expect(Object.keys(REJECTION_REASONS)).toContain(reason);
    expect(JSON.stringify(keyed)).not.toContain('85073100342');
  });

  it('leaves a check with a message of its own without a key: its English stands', () => {
    expect(violationsOf([error('officeId', { matches: 'officeId must be a slug' }, [], 'X Y')])).toEqual([
      { field: 'officeId', reason: 'officeId must be a slug' },
    ]);
  });

  it('answers 400 problem details with one entry per bad field', () => {
    const exception = badRequest([
      { field: 'agency', reason: 'agency must be one of the following values: AGII, ATLAS, IN_GENT' },
      { field: 'birthDate', reason: 'birthDate must be a real date written YYYY-MM-DD' },
    ]);
    expect(exception).toBeInstanceOf(BadRequestException);
    expect(exception.getResponse()).toEqual({
      type: 'urn:inburgering:problem:invalid-request',
      title: 'The request has invalid fields',
      status: 400,
      detail:
        'agency must be one of the following values: AGII, ATLAS, IN_GENT; birthDate must be a real date written YYYY-MM-DD',
      errors: [
        { field: 'agency', detail: 'agency must be one of the following values: AGII, ATLAS, IN_GENT' },
        { field: 'birthDate', detail: 'birthDate must be a real date written YYYY-MM-DD' },
      ],
    });
  });

  it('names the one bad field at the top too', () => {
    expect(badRequest([{ field: 'id', reason: 'id must be a UUID' }]).getResponse()).toMatchObject({
      field: 'id',
      errors: [{ field: 'id', detail: 'id must be a UUID' }],
    });
  });

  it('names a property with an empty name "" wherever the 400 comes from (found by the fuzzer)', () => {
    expect(badRequest([{ field: '', reason: 'is not a documented field' }]).getResponse()).toMatchObject({
      errors: [{ field: '""', detail: 'is not a documented field' }],
    });
  });
});
