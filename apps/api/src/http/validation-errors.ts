import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface Violation {
  /** Dotted path of the offending field, e.g. `newcomer.birthDate`. */
  field: string;
  reason: string;
}

/**
 * One violation per failed constraint, nested objects and arrays flattened into dotted paths. Two constraints
 * of a field that give the same reason (e.g. a nested object's own and its nesting check) are listed once.
 */
export function violationsOf(errors: readonly ValidationError[], parentPath = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = [...new Set(Object.values(error.constraints ?? {}))].map((reason) => ({ field, reason }));
    return [...own, ...violationsOf(error.children ?? [], field)];
  });
}

export function badRequest(violations: readonly Violation[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: violations.map((violation) => violation.reason).join('; '),
    violations,
  });
}

/** Validates and transforms every DTO; unknown properties are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(violationsOf(errors)),
  });
}
