import type { RejectionWording } from '../rejection';
import { COMMAND_PATH_REJECTIONS } from './command-path';
import { COMMON_REJECTIONS } from './common';
import { ENFORCEMENT_REJECTIONS } from './enforcement';
import { INPUT_REJECTIONS } from './input';
import { RECONCILIATION_REJECTIONS } from './reconciliation';
import { PILLAR_REJECTIONS } from './pillars';
import { POLICY_PLAN_REJECTIONS } from './policy-plan';
import { REGISTRATION_REJECTIONS } from './registration';

/** Each group of reasons, by the decisions that give them (their keys are distinct across groups: see the spec). */
export const REJECTION_REASON_GROUPS = {
  common: COMMON_REJECTIONS,
  commandPath: COMMAND_PATH_REJECTIONS,
  registration: REGISTRATION_REJECTIONS,
  pillars: PILLAR_REJECTIONS,
  enforcement: ENFORCEMENT_REJECTIONS,
  policyPlan: POLICY_PLAN_REJECTIONS,
  input: INPUT_REJECTIONS,
  reconciliation: RECONCILIATION_REJECTIONS,
} as const satisfies Record<string, Record<string, RejectionWording>>;

/**
 * Every reason a command can be refused for, with its code and English wording: the one list a reader's language
 * (the web application's catalogue) words them from.
 */
export const REJECTION_REASONS = {
  ...COMMON_REJECTIONS,
  ...COMMAND_PATH_REJECTIONS,
  ...REGISTRATION_REJECTIONS,
  ...PILLAR_REJECTIONS,
  ...ENFORCEMENT_REJECTIONS,
  ...POLICY_PLAN_REJECTIONS,
  ...INPUT_REJECTIONS,
  ...RECONCILIATION_REJECTIONS,
} as const satisfies Record<string, RejectionWording>;
