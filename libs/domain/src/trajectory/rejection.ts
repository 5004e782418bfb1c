import { REJECTION_REASONS } from './rejection-reasons';

/**
 * Why a command was refused. `INVALID_INPUT` and `RULE_VIOLATION` mean the request itself cannot be accepted
 * (HTTP 422); `INVALID_STATE` means it does not fit where the trajectory stands now (HTTP 409).
 */
export const REJECTION_CODES = ['INVALID_INPUT', 'RULE_VIOLATION', 'INVALID_STATE'] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** One reason a command can be refused: its code, and its English wording with `{name}` for each parameter. */
export interface RejectionWording {
  code: RejectionCode;
  message: string;
}

/** Which wording of REJECTION_REASONS a rejection has. */
export type RejectionReason = keyof typeof REJECTION_REASONS;

/** A rejection's parameters: dates as YYYY-MM-DD, codes as the API spells them; never a name, national number or birth date. */
export type RejectionParams = Record<string, string | number>;

export interface Rejection {
  code: RejectionCode;
  /** The reason in English, for API clients and the log. */
  message: string;
  /** The command field the rejection is about, when there is one. */
  field?: string;
  /**
   * Which wording (REJECTION_REASONS) with `params` filled in: the web application words it in the reader's
   * language from these, as it does a next action.
   */
  reason: RejectionReason;
  params: RejectionParams;
}

/** The names between braces in a wording: `'{field} must be a date'` has `field`. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters a reason's wording names, each required. */
export type ParamsOf<Reason extends RejectionReason> = {
  [Name in Placeholders<(typeof REJECTION_REASONS)[Reason]['message']>]: string | number;
};

/**
 * The rejection for `reason`, its English message filled in from `params`, about `field` when there is one:
 * `because('INTAKE_ALREADY_RECORDED', { intakeOn })`.
 */
export function because<Reason extends RejectionReason>(
  reason: Reason,
  ...[params, field]: keyof ParamsOf<Reason> extends never
    ? [params?: Record<string, never>, field?: string]
    : [params: ParamsOf<Reason>, field?: string]
): Rejection {
  const wording: RejectionWording = REJECTION_REASONS[reason];
  const values: RejectionParams = { ...(params ?? {}) };
  const rejection: Rejection = {
    code: wording.code,
    message: fillIn(wording.message, values),
    reason,
    params: values,
  };
  return field === undefined ? rejection : { ...rejection, field };
}

/** A wording with its `{name}` placeholders replaced by the parameters' values. */
export function fillIn(wording: string, params: RejectionParams): string {
  return wording.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
