import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { boundedInputViolations } from './bounded-input';
import { FieldProblem, invalidRequestProblem } from './problem-details';
import { inputReasonOf } from './input-reasons';
import type { RejectionParams, RowProblem } from '../../../../libs/domain/src';

export interface Violation {
  /** Dotted path of the offending field, e.g. `newcomer.birthDate`. */
  field: string;
  reason: string;
  /**
   * Which of the domain's reasons (a command's, or a file row's), with its parameters, when the check is one a
   * reader's language can word.
   */
  key?: RowProblem['key'];
  params?: RejectionParams;
}

/**
 * One violation per bad field, nested objects and arrays flattened into dotted paths. A field that fails several
 * checks gets the reason of the first one written on it (the type check, by convention: "limit must be an integer
 * number" rather than also "must not be less than 1"); a missing field that fails several is "required".
 */
export function violationsOf(errors: readonly ValidationError[], parentPath = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parentPath, error.property);
    const reasons = [...new Set(Object.values(error.constraints ?? {}))];
    const own = reasons.length ? [violationOf(error, field, reasonFor(error, reasons))] : [];
    return [...own, ...violationsOf(error.children ?? [], field)];
  });
}

function violationOf(
  error: ValidationError,
  field: string,
  { constraint, message }: { constraint: string; message: string },
): Violation {
  const known = inputReasonOf(error, constraint, message, field);
  return known ? { field, reason: message, ...known } : { field, reason: message };
}

/** The message a field's violation gives, and the check (class-validator's constraint name) that gave it. */
function reasonFor(error: ValidationError, reasons: string[]): { constraint: string; message: string } {
  const constraints = error.constraints ?? {};
  const constraintOf = (message: string) =>
    Object.keys(constraints).find((name) => constraints[name] === message) ?? 'unknown';
  if (constraints.whitelistValidation)
    return { constraint: 'whitelistValidation', message: constraints.whitelistValidation };
  // Decorators register bottom-up: the last constraint is the one written first.
  const first = reasons[reasons.length - 1]!;
  if (error.value !== undefined || reasons.length === 1)
    return { constraint: constraintOf(first), message: first };
  // A missing field fails every check it has; say what they all mean. A custom message (e.g. "counsellorId or
  // agency is required") does not start with the property's name and is kept.
  const custom = reasons.filter((reason) => !reason.startsWith(`${error.property} `));
  if (custom.length)
    return { constraint: constraintOf(custom[custom.length - 1]!), message: custom[custom.length - 1]! };
  return { constraint: 'required', message: `${error.property} is required` };
}

/** `parent.key`; a property with an empty name is written "" so that the field is still named. */
export function fieldPath(parentPath: string, key: string): string {
  const name = key === '' ? '""' : key;
  return parentPath ? `${parentPath}.${name}` : name;
}

/** 400 problem details (RFC 9457) with one entry per bad field. */
export function badRequest(violations: readonly Violation[]): BadRequestException {
  const errors: FieldProblem[] = violations.map(({ field, reason, key, params }) => ({
    field: fieldPath('', field),
    detail: reason,
    ...(key ? { reason: key, params: params ?? {} } : {}),
  }));
  return new BadRequestException(invalidRequestProblem(errors));
}

/** The violations a `badRequest` exception lists. */
export function violationsIn(exception: BadRequestException): Violation[] {
  const { errors = [] } = exception.getResponse() as { errors?: FieldProblem[] };
  return errors.map(({ field, detail, reason, params }) => ({
    field,
    reason: detail,
    ...(reason ? { key: reason as RowProblem['key'], params: params ?? {} } : {}),
  }));
}

/**
 * The API's global pipe. Before any DTO sees a body, query or path parameter, the input's shape is bounded
 * (nesting depth, prototype names, text PostgreSQL cannot store); then it is validated and transformed, unknown
 * properties refused rather than silently dropped.
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => badRequest(violationsOf(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const violations = boundedInputViolations(value, metadata.type === 'body' ? undefined : metadata.data);
      if (violations.length) throw badRequest(violations);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe();
}
