import type { RejectionWording } from '../rejection';

/**
 * Reasons the command path gives beyond the rules: what only the store, an incident or an earlier request of the
 * same Idempotency-Key can tell.
 */
export const COMMAND_PATH_REJECTIONS = {
  NEWCOMER_HAS_ACTIVE_TRAJECTORY: {
    code: 'INVALID_STATE',
    message:
      'the newcomer already has a trajectory that is not closed; it must be closed before another is opened',
  },
  NEWCOMER_HAS_OPEN_TRAJECTORY: {
    code: 'INVALID_STATE',
    message: 'the newcomer already has an open trajectory ({trajectoryId}) with {agency}',
  },
  NEWCOMER_HAS_OPEN_TRAJECTORY_ELSEWHERE: {
    code: 'INVALID_STATE',
    message: 'the newcomer already has an open trajectory with {agency}; arrange a transfer with them',
  },
  TRAJECTORY_ENDED: { code: 'INVALID_STATE', message: 'trajectory {trajectoryId} is closed' },
  TRAJECTORY_OF_KEY_ENDED: {
    code: 'INVALID_STATE',
    message: 'the trajectory created with this Idempotency-Key ({trajectoryId}) has ended; use a new key',
  },
  TRAJECTORY_ON_HOLD: {
    code: 'INVALID_STATE',
    // One literal: a concatenation would lose the text's type, and with it the check of the params.
    message:
      'trajectory {trajectoryId} is on hold: incident {incidentId} ({commandType} could not be recorded: {cause}); an operator must retry it (POST /incidents/{incidentId}/retry) first',
  },
  IDEMPOTENCY_KEY_REUSED: {
    code: 'INVALID_INPUT',
    message: 'Idempotency-Key "{idempotencyKey}" was already used for a different request',
  },
  UNSTORABLE_TEXT: {
    code: 'INVALID_INPUT',
    message: '{field} contains a character that cannot be stored (a NUL character or a lone surrogate)',
  },
  /** A refusal whose reason is not known here (a worker older than the reasons): its English text as it came. */
  COMMAND_REFUSED: { code: 'INVALID_STATE', message: '{detail}' },
  UNSTORABLE_VALUE: { code: 'INVALID_INPUT', message: 'a value of this command cannot be stored: {cause}' },
} as const satisfies Record<string, RejectionWording>;
