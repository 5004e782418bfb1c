import type { DutchRejections } from './dutch-rejections';

/** The reasons of libs/domain/src/trajectory/rejection-reasons/command-path.ts in Dutch. */
export const COMMAND_PATH_IN_DUTCH = {
  NEWCOMER_HAS_ACTIVE_TRAJECTORY:
    'De inburgeraar heeft al een traject dat niet is afgesloten; sluit het af voor u een nieuw opent.',
  NEWCOMER_HAS_OPEN_TRAJECTORY: 'De inburgeraar heeft al een lopend traject ({trajectoryId}) bij {agency}.',
  NEWCOMER_HAS_OPEN_TRAJECTORY_ELSEWHERE:
    'De inburgeraar heeft al een lopend traject bij {agency}; spreek met hen een overdracht af.',
  TRAJECTORY_ENDED: 'Het traject is afgesloten.',
  TRAJECTORY_OF_KEY_ENDED:
    'Het traject dat met deze Idempotency-Key werd geopend ({trajectoryId}), is beëindigd; gebruik een nieuwe sleutel.',
  TRAJECTORY_ON_HOLD:
    'Het traject staat stil door incident {incidentId}: {commandType} kon niet worden vastgelegd. Een beheerder moet het eerst opnieuw proberen.',
  IDEMPOTENCY_KEY_REUSED: 'Deze Idempotency-Key werd al gebruikt voor een ander verzoek.',
  UNSTORABLE_TEXT:
    '{field} bevat een teken dat niet kan worden bewaard (een NUL-teken of een los surrogaat).',
  // Its reason is unknown here: the English text as it came.
  COMMAND_REFUSED: '{detail}',
  UNSTORABLE_VALUE: 'Een waarde van deze opdracht kan niet worden bewaard.',
} as const satisfies DutchRejections;
