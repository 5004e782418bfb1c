/** Test helper (unit specs only). */
import { BadRequestException, Type } from '@nestjs/common';
import { createValidationPipe, Violation, violationsIn } from '../http/validation-errors';

/** Runs a request body or query through the API's global validation pipe, as Nest does. */
export async function validateDto<T>(
  metatype: Type<T>,
  value: unknown,
  type: 'body' | 'query' = 'body',
): Promise<T> {
  return (await createValidationPipe().transform(value, { type, metatype })) as T;
}

/**
 * The violations of a value the pipe refuses, each its field and English reason (the reasons' keys are the
 * validation-errors spec's); fails when it is accepted.
 */
export async function violationsFor(
  metatype: Type<unknown>,
  value: unknown,
  type: 'body' | 'query' = 'body',
): Promise<Violation[]> {
  try {
    await validateDto(metatype, value, type);
  } catch (error) {
    if (error instanceof BadRequestException)
      return violationsIn(error).map(({ field, reason }) => ({ field, reason }));
    throw error;
  }
  throw new Error('expected the value to be refused');
}
