import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details: the body of every error the API answers, as `application/problem+json`. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One bad field of a request: its dotted path (`newcomer.birthDate`, `limit`, `id`, `Idempotency-Key`). */
export interface FieldProblem {
  field: string;
  detail: string;
  /** Which of the domain's reasons (REJECTION_REASONS), with its parameters, where the check is one it words. */
  reason?: string;
  params?: Record<string, string | number>;
}

export interface ProblemDetails {
  /** A URI naming the kind of problem; `about:blank` when the HTTP status says it all. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path the problem is about. */
  instance?: string;
  /** Extension: one entry per bad field (400 invalid-request). */
  errors?: FieldProblem[];
  /** Extension: the domain's rejection code (409/422). */
  code?: string;
  /** Extension: the field a rejection or a single bad field is about. */
  field?: string;
  [extension: string]: unknown;
}

const TYPE_PREFIX = 'urn:inburgering:problem:';

/** The kinds of problem the API names; anything else is `about:blank` with the HTTP status's title. */
export const PROBLEM_TYPES = {
  invalidRequest: { type: `${TYPE_PREFIX}invalid-request`, title: 'The request has invalid fields' },
  malformedJson: { type: `${TYPE_PREFIX}malformed-json`, title: 'The request body is not valid JSON' },
  unsupportedMediaType: {
    type: `${TYPE_PREFIX}unsupported-media-type`,
    title: 'The request body must be sent as application/json',
  },
  payloadTooLarge: { type: `${TYPE_PREFIX}payload-too-large`, title: 'The request body is too large' },
  invalidState: {
    type: `${TYPE_PREFIX}invalid-state`,
    title: "The command does not fit the trajectory's state",
  },
  invalidInput: { type: `${TYPE_PREFIX}invalid-input`, title: "The trajectory's rules refuse the input" },
  ruleViolation: {
    type: `${TYPE_PREFIX}rule-violation`,
    title: "The command breaks one of the trajectory's rules",
  },
  serviceUnavailable: {
    type: `${TYPE_PREFIX}service-unavailable`,
    title: 'A service the API depends on did not answer in time',
  },
} as const;

export const REJECTION_PROBLEM_TYPES: Record<string, { type: string; title: string }> = {
  INVALID_STATE: PROBLEM_TYPES.invalidState,
  INVALID_INPUT: PROBLEM_TYPES.invalidInput,
  RULE_VIOLATION: PROBLEM_TYPES.ruleViolation,
};

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** A problem of the plain HTTP kind (404, 405, 500, ...): `about:blank`, titled by its status. */
export function plainProblem(status: number, detail: string): ProblemDetails {
  return { type: 'about:blank', title: statusTitle(status), status, detail };
}

/** 400 with one entry per bad field; `field` names it too when there is only one. */
export function invalidRequestProblem(errors: readonly FieldProblem[]): ProblemDetails {
  return {
    ...PROBLEM_TYPES.invalidRequest,
    status: HttpStatus.BAD_REQUEST,
    detail: errors.map((error) => error.detail).join('; '),
    ...(errors.length === 1 ? { field: errors[0]!.field } : {}),
    errors: [...errors],
  };
}
