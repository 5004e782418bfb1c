import type { RejectionReason } from '../../../../../libs/domain/src/trajectory/rejection';
import { COMMAND_PATH_IN_DUTCH } from './command-path';
import { COMMON_IN_DUTCH } from './common';
import { ENFORCEMENT_IN_DUTCH } from './enforcement';
import { INPUT_IN_DUTCH } from './input';
import { RECONCILIATION_IN_DUTCH } from './reconciliation';
import { PILLARS_IN_DUTCH } from './pillars';
import { POLICY_PLAN_IN_DUTCH } from './policy-plan';
import { REGISTRATION_IN_DUTCH } from './registration';

/** Every reason a command can be refused for, in Dutch: the type fails to compile when the domain adds one. */
export const REJECTIONS_IN_DUTCH: Record<RejectionReason, string> = {
  ...COMMON_IN_DUTCH,
  ...COMMAND_PATH_IN_DUTCH,
  ...REGISTRATION_IN_DUTCH,
  ...PILLARS_IN_DUTCH,
  ...ENFORCEMENT_IN_DUTCH,
  ...POLICY_PLAN_IN_DUTCH,
  ...INPUT_IN_DUTCH,
  ...RECONCILIATION_IN_DUTCH,
};
