import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, MaxLength, Min, ValidationError } from 'class-validator';
import { badRequest, createValidationPipe, violationsIn, violationsOf } from './validation-errors';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
  value?: unknown,
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children, value });
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
      { field: 'birthDate', reason: 'birthDate must be a real date written YYYY-MM-DD' },
      { field: 'newcomer.givenName', reason: 'givenName is required' },
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
      { field: 'name', reason: 'name must be a string' },
      { field: 'count', reason: 'count must be an integer number' },
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
