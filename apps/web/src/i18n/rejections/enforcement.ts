import type { DutchRejections } from './dutch-rejections';

/** The reasons of libs/domain/src/trajectory/rejection-reasons/enforcement.ts in Dutch. */
export const ENFORCEMENT_IN_DUTCH = {
  REFUSAL_TO_SIGN_AFTER_CONTRACT:
    'Het contract is al ondertekend op {signedOn}; van een weigering om te ondertekenen is geen sprake.',
  ATTENDANCE_BEFORE_CONTRACT: 'De aanwezigheid wordt pas opgevolgd zodra het contract ondertekend is.',
  VIOLATION_FACTS_MISSING: 'Beschrijf wat er gebeurd is.',

  NO_VIOLATION_FILE_IN_BRUSSELS:
    'Er kan geen inbreukdossier geopend worden: administratieve boetes gelden in Vlaanderen, niet in het Brussels Hoofdstedelijk Gewest (Handhaving inburgeringsbeleid §Wie).',
  NO_VIOLATION_FILE_TARGET_GROUP_UNDETERMINED:
    'Er kan geen inbreukdossier geopend worden zolang het doelgroepstatuut niet bepaald is (Handhaving inburgeringsbeleid §Wie).',
  NO_VIOLATION_FILE_NOT_IN_TARGET_GROUP:
    'Er kan geen inbreukdossier geopend worden: de inburgeraar hoort niet tot de doelgroep van het inburgeringsbeleid.',
  NO_VIOLATION_FILE_BEFORE_CONTRACT_NOT_OBLIGED:
    'Er kan geen inbreukdossier geopend worden: vóór het contract kan alleen een verplichte inburgeraar in overtreding zijn. Deze inburgeraar is {targetGroup} en mag weigeren (Handhaving inburgeringsbeleid §Wie).',
  NO_VIOLATION_FILE_BEFORE_CONTRACT_NOT_KNOWN_OBLIGED:
    'Er kan geen inbreukdossier geopend worden: vóór het contract kan alleen een verplichte inburgeraar in overtreding zijn. Deze inburgeraar is niet gekend als verplicht en mag weigeren (Handhaving inburgeringsbeleid §Wie).',
  NO_VIOLATION_FILE_FOLLOW_UP_NOT_OBLIGED:
    'Er kan geen inbreukdossier geopend worden: het vervolgtraject is alleen bindend voor verplichte inburgeraars, en deze inburgeraar is {targetGroup} (Verplichting tot inburgering §Vervolgtraject).',
  NO_VIOLATION_FILE_FOLLOW_UP_NOT_KNOWN_OBLIGED:
    'Er kan geen inbreukdossier geopend worden: het vervolgtraject is alleen bindend voor verplichte inburgeraars, en deze inburgeraar is niet gekend als verplicht (Verplichting tot inburgering §Vervolgtraject).',

  VIOLATION_NOT_FOUND: 'Het inbreukdossier {violationId} bestaat niet in dit traject.',
  VIOLATION_WITHDRAWN: 'Het inbreukdossier {violationId} is ingetrokken; er valt niets te beslissen.',
  VIOLATION_ALREADY_DECIDED: 'Over het inbreukdossier {violationId} is al beslist op {decidedOn}.',
  BEFORE_VIOLATION_FILE: '{field} mag niet vóór de opening van het inbreukdossier op {earliest} liggen.',
  FINE_AMOUNT_WITHOUT_FINE: 'Vul geen bedrag in wanneer u beslist om geen boete op te leggen.',
  FINE_WITHOUT_POLICY_VERSION: 'Op {decidedOn} geldt geen beleidsversie.',
  FINE_AMOUNT_OUT_OF_RANGE:
    'Het bedrag moet een geheel getal van {minimumEuro} tot {maximumEuro} euro zijn (beleidsversie {policyVersion}, {source}).',

  TRAJECTORY_ALREADY_SUSPENDED: 'Het traject is al geschorst sinds {suspendedFrom}.',
  TRAJECTORY_NOT_SUSPENDED: 'Het traject is niet geschorst.',
} as const satisfies DutchRejections;
