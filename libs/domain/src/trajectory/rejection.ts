/**
 * Why a command was refused. `INVALID_INPUT` and `RULE_VIOLATION` mean the request itself cannot be accepted
 * (HTTP 422); `INVALID_STATE` means it does not fit where the trajectory stands now (HTTP 409).
 */
export type RejectionCode = 'INVALID_INPUT' | 'RULE_VIOLATION' | 'INVALID_STATE';

export interface Rejection {
  code: RejectionCode;
  message: string;
  /** The command field the rejection is about, when there is one. */
  field?: string;
}

export function rejection(code: RejectionCode, message: string, field?: string): Rejection {
  return field === undefined ? { code, message } : { code, message, field };
}
