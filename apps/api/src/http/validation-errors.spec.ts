import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { badRequest, violationsOf } from './validation-errors';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validation errors', () => {
  it('lists one violation per failed constraint, nested fields as dotted paths', () => {
    const errors = [
      error('birthDate', { isCalendarDate: 'birthDate must be a real date written YYYY-MM-DD' }),
      error('newcomer', {}, [
        error('givenName', {
          isString: 'givenName must be a string',
          matches: 'givenName must not be blank',
        }),
      ]),
    ];

    expect(violationsOf(errors)).toEqual([
      { field: 'birthDate', reason: 'birthDate must be a real date written YYYY-MM-DD' },
      { field: 'newcomer.givenName', reason: 'givenName must be a string' },
      { field: 'newcomer.givenName', reason: 'givenName must not be blank' },
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

  it('answers 400 with the reasons in the message and the violations listed', () => {
    const exception = badRequest([
      { field: 'agency', reason: 'agency must be one of the following values: AGII, ATLAS, IN_GENT' },
      { field: 'birthDate', reason: 'birthDate must be a real date written YYYY-MM-DD' },
    ]);

    expect(exception).toBeInstanceOf(BadRequestException);
    expect(exception.getResponse()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'agency must be one of the following values: AGII, ATLAS, IN_GENT; birthDate must be a real date written YYYY-MM-DD',
      violations: [
        { field: 'agency', reason: 'agency must be one of the following values: AGII, ATLAS, IN_GENT' },
        { field: 'birthDate', reason: 'birthDate must be a real date written YYYY-MM-DD' },
      ],
    });
  });
});
