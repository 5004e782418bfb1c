import type { DutchRejections } from './dutch-rejections';

/** The reasons of libs/domain/src/trajectory/rejection-reasons/registration.ts in Dutch. */
export const REGISTRATION_IN_DUTCH = {
  NATIONAL_NUMBER_NOT_11_DIGITS:
    'Het rijksregisternummer moet 11 cijfers hebben (JJMMDD VVV CC); punten, streepjes en spaties mogen.',
  NATIONAL_NUMBER_CHECKSUM_MISMATCH:
    'Dit is geen geldig rijksregisternummer: de controlecijfers kloppen niet. Kijk het nummer na.',
  NATIONAL_NUMBER_IMPOSSIBLE_MONTH:
    'Dit is geen geldig rijksregisternummer: de maand in het nummer bestaat niet. Kijk het nummer na.',
  NATIONAL_NUMBER_IMPOSSIBLE_BIRTH_DATE:
    'Dit is geen geldig rijksregisternummer: de geboortedatum in het nummer bestaat niet. Kijk het nummer na.',
  BIRTH_DATE_IN_FUTURE: 'De geboortedatum ligt in de toekomst (vandaag is het {today}).',
  BIRTH_DATE_NOT_IN_NATIONAL_NUMBER:
    'De geboortedatum komt niet overeen met de geboortedatum in het rijksregisternummer.',
  UNKNOWN_AGENCY: '{field}: het agentschap {agency} is niet gekend.',
  REGISTRATION_BEFORE_BIRTH: 'De datum van inschrijving mag niet vóór de geboortedatum liggen.',
  BEFORE_BIRTH_DATE: '{field} mag niet vóór de geboortedatum liggen.',

  INTAKE_ALREADY_RECORDED: 'De intake is al geregistreerd op {intakeOn}.',
  CONTRACT_ALREADY_SIGNED: 'Het contract is al ondertekend op {signedOn}.',
  CONTRACT_WITHOUT_INTAKE: 'Het contract wordt na de intake ondertekend. Registreer eerst de intake.',
  CONTRACT_BEFORE_FIRST_POLICY_VERSION:
    'Voor contracten ondertekend vóór {effectiveFrom} geldt geen beleidsversie.',

  TARGET_GROUP_FACT_AFTER_REFERENCE_DATE:
    '{field}: {date} ligt na de datum van inschrijving ({referenceDate}).',
  TARGET_GROUP_NOT_DERIVABLE: 'Uit deze gegevens kan de doelgroep niet worden bepaald. Kijk ze na.',
  TARGET_GROUP_NOT_DERIVED: 'Het doelgroepstatuut is nog niet bepaald. Registreer eerst de feiten.',
  TARGET_GROUP_SETTLED_BY_EXEMPTION:
    'Er is op {grantedOn} een vrijstelling toegekend; het doelgroepstatuut ligt vast.',
  TARGET_GROUP_SETTLED_BY_CONTRACT:
    'Het contract is ondertekend op {signedOn}; het doelgroepstatuut ligt vast. Ken zo nodig een vrijstelling toe.',
  TARGET_GROUP_BRUSSELS_NEVER_OBLIGED:
    'Wie in het Brussels Hoofdstedelijk Gewest woont, is nooit verplicht (Actieplan integratiebeleid r. 977; Beleidsbrief 2015-2016 r. 735). Klopt het gewest niet, verbeter het dan in de feiten.',
  TARGET_GROUP_OVERRIDE_WITHOUT_REASON:
    'Geef een reden op om van het afgeleide doelgroepstatuut af te wijken.',
  TARGET_GROUP_ALREADY_OBLIGED: 'Het afgeleide doelgroepstatuut is al verplicht vanaf {obligationStartsOn}.',
  TARGET_GROUP_ALREADY_EXEMPT: 'Het afgeleide doelgroepstatuut is al vrijgesteld ({exemptionReason}).',
  TARGET_GROUP_ALREADY_ENTITLED: 'Het afgeleide doelgroepstatuut is al rechthebbend.',
  TARGET_GROUP_ALREADY_NOT_IN_TARGET_GROUP:
    'Volgens het afgeleide doelgroepstatuut hoort de inburgeraar al niet tot de doelgroep.',

  EXEMPTION_WITHOUT_TARGET_GROUP:
    'Het doelgroepstatuut is nog niet bepaald. Registreer eerst de feiten; een vrijstelling die dan al bekend is, hoort daarbij.',
  EXEMPTION_ALREADY_GRANTED: 'Er is al een vrijstelling toegekend op {grantedOn} ({exemptionReason}).',
  EXEMPTION_ALREADY_EXEMPT: 'De inburgeraar is al vrijgesteld.',
  EXEMPTION_UNDER_AGE_65:
    'De inburgeraar is {age} jaar op {grantedOn}. Deze vrijstelling geldt pas vanaf {exemptionAge} jaar.',

  CORRECTION_WITHOUT_REASON: 'Leg uit waarom u de datum verbetert.',
  CORRECTION_NO_INTAKE_DATE: 'Er is geen datum van de intake geregistreerd om te verbeteren.',
  CORRECTION_NO_CONTRACT_SIGNING_DATE:
    'Er is geen datum van ondertekening van het contract geregistreerd om te verbeteren.',
  CORRECTION_NO_VDAB_REGISTRATION_DATE:
    'Er is geen datum van inschrijving bij VDAB geregistreerd om te verbeteren.',
  CORRECTION_SAME_INTAKE_DATE: 'De datum van de intake is al {date}.',
  CORRECTION_SAME_CONTRACT_SIGNING_DATE: 'De datum van ondertekening van het contract is al {date}.',
  CORRECTION_SAME_VDAB_REGISTRATION_DATE: 'De datum van inschrijving bij VDAB is al {date}.',
  CORRECTION_INTAKE_BEFORE_REGISTRATION: 'De intake kan niet vóór de inschrijving op {registeredOn} liggen.',
  CORRECTION_INTAKE_AFTER_CONTRACT:
    'De intake kan niet na de ondertekening van het contract op {signedOn} liggen.',
  CORRECTION_CONTRACT_BEFORE_INTAKE: 'Het contract kan niet vóór de intake op {intakeOn} ondertekend zijn.',
  CORRECTION_CHANGES_POLICY_VERSION:
    'Een contract ondertekend op {signedOn} valt onder beleidsversie {policyVersion}, niet onder {recordedPolicyVersion}. De beleidsversie van een lopend traject verandert niet door een verbetering.',
  CORRECTION_OUTSIDE_POLICY_VERSIONS:
    'Voor een contract ondertekend op {signedOn} geldt geen beleidsversie, terwijl het traject onder {recordedPolicyVersion} valt. De beleidsversie van een lopend traject verandert niet door een verbetering.',
  CORRECTION_MISSES_MET_DEADLINE:
    'Na deze verbetering zou de inschrijving bij VDAB ({registeredOn}) na de termijn ({dueOn}) liggen. Een verbetering kan een gehaalde termijn niet laten verstrijken.',
  CORRECTION_REOPENS_MISSED_DEADLINE:
    'De VDAB-termijn is als verstreken geregistreerd op {dueOn}. Een verbetering kan die termijn niet heropenen of alsnog halen; betwist daarvoor het inbreukdossier.',

  AGENCY_LETTER_ALREADY_RECORDED:
    'De brief van het agentschap is al geregistreerd (verstuurd op {sentOn} door {sendingAgency}).',
  VDAB_REGISTRATION_ALREADY_RECORDED:
    'De inschrijving bij VDAB is al geregistreerd op {registeredOn} ({vdabClientReference}).',

  MOVE_ABROAD_WITH_NIS_CODE: 'Laat de NIS-code leeg bij een verhuizing naar het buitenland.',
  NOT_A_NIS_CODE:
    'Geef de NIS-code van vijf cijfers van een Belgische gemeente, of duid een verhuizing naar het buitenland aan.',
  MOVE_INTO_OTHER_AGENCYS_AREA:
    '{municipality} ({nisCode}) ligt in het werkgebied van {agencyName}. Draag het traject over aan dat agentschap.',
  TRANSFER_TO_OWN_AGENCY: 'Het traject is al in handen van {agency}.',
  TRANSFER_WITHOUT_NIS_CODE: 'Geef de NIS-code van de nieuwe gemeente om het traject over te dragen.',
  TRANSFER_INTO_OTHER_AGENCYS_AREA:
    '{municipality} ({nisCode}) ligt in het werkgebied van {agencyName}, niet van {toAgencyName}.',
  TRANSFER_OUTSIDE_FLANDERS_AND_BRUSSELS:
    '{municipality} ({nisCode}) ligt buiten Vlaanderen en Brussel: geen agentschap neemt het traject over. Registreer in de plaats de verhuizing.',

  NOT_A_COUNSELLOR_ID:
    'Geef een geldige gebruikersnaam van een trajectbegeleider: letters, cijfers, ".", "_", "@" of "-", hoogstens 100 tekens.',
  ALREADY_ASSIGNED_TO_COUNSELLOR: 'Het dossier is al toegewezen aan {counsellorId}.',
  COUNSELLOR_IN_NO_OFFICE:
    'Trajectbegeleider {counsellorId} hoort bij geen enkel kantoor van {agency}. Voeg hem of haar eerst aan een kantoor toe.',
} as const satisfies DutchRejections;
