import { LINK_REASONS } from '../../exchange/registration-outcome';
import type { RejectionWording } from '../rejection';

/**
 * Reasons the reconciliation queue gives a counsellor or mediator who resolves a partner's registration: the row
 * was resolved meanwhile (`itemState`: LINKED, AUTO_LINKED, DISMISSED), or the trajectory chosen cannot take the
 * registration, for one of the linking rules' reasons (LINK_REASONS; the trajectory's own refusal is its own reason).
 */
export const RECONCILIATION_REJECTIONS = {
  RECONCILIATION_ITEM_RESOLVED: {
    code: 'INVALID_STATE',
    message: 'reconciliation item {itemId} is already resolved ({itemState})',
  },
  RECONCILIATION_LINK_NO_OPEN_TRAJECTORY: {
    code: 'INVALID_STATE',
    message: `trajectoryId: ${LINK_REASONS.NO_OPEN_TRAJECTORY}`,
  },
  RECONCILIATION_LINK_NATIONAL_NUMBER_MISMATCH: {
    code: 'INVALID_STATE',
    message: `trajectoryId: ${LINK_REASONS.NATIONAL_NUMBER_MISMATCH}`,
  },
  RECONCILIATION_LINK_TRAJECTORY_CLOSED: {
    code: 'INVALID_STATE',
    message: `trajectoryId: ${LINK_REASONS.TRAJECTORY_CLOSED}`,
  },
  RECONCILIATION_LINK_OTHER_REGISTRATION: {
    code: 'INVALID_STATE',
    message: `trajectoryId: ${LINK_REASONS.OTHER_REGISTRATION}`,
  },
} as const satisfies Record<string, RejectionWording>;
